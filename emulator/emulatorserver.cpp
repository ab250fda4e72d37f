// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/emulatorserver.h"

#include "engine/core/logging.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace fm::emulator {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

} // namespace

EmulatorServer::EmulatorServer(Emulator *emulator, QObject *parent)
    : QAbstractHttpServer(parent), m_emulator(emulator)
{
}

Expected<quint16> EmulatorServer::listenOn(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback())
        return fail(Error::validation(QStringLiteral("EmulatorNotLoopback"),
                                      QStringLiteral("The emulator listens on loopback only (got %1).").arg(address.toString()),
                                      QStringLiteral("Use --host 127.0.0.1 or ::1.")));
    const quint16 bound = listen(address, port);
    if (bound == 0)
        return fail(Error::make(ErrorCategory::Network, QStringLiteral("EmulatorListenFailed"),
                                QStringLiteral("Cannot listen on %1:%2 (in use or not permitted).").arg(address.toString()).arg(port)));
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(address.toString()) : address.toString();
    m_baseUrl = QStringLiteral("http://%1:%2").arg(host).arg(bound);
    m_emulator->setBaseUrl(m_baseUrl);
    return bound;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ++m_requests;
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = QUrlQuery(request.url());
    r.headers = request.headers();
    r.body = request.body();
    const HttpResponse response = m_emulator->handle(r);

    // One line per call; the query of ARM calls holds no secret and the token body is never logged.
    auto log = fm::logging::get("emulator");
    const QString query = r.path.contains(QLatin1String("/oauth2/")) ? QString() : r.query.toString(QUrl::FullyDecoded);
    log->info("{} {}{}{} -> {}{}{} ({} ms)", r.method.constData(), r.path, query.isEmpty() ? "" : "?", query, response.drop ? "dropped" : "",
              response.drop ? "" : std::to_string(response.status), response.delayMs > 0 ? QStringLiteral(" delayed %1 ms").arg(response.delayMs) : QString(),
              timer.elapsed());

    QPointer<QTcpSocket> guard(socket);
    auto deliver = [guard, response] {
        if (!guard)
            return;
        if (response.drop) {
            guard->abort();
            return;
        }
        guard->write(serialize(response));
    };
    if (response.delayMs > 0 || response.drop)
        QTimer::singleShot(response.delayMs, socket, deliver); // never abort inside the server's own read handler
    else
        deliver();
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    HttpResponse r = HttpResponse::armError(404, QStringLiteral("InvalidRequestUri"), QStringLiteral("Not handled."));
    socket->write(serialize(r));
}

} // namespace fm::emulator
