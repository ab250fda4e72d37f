// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// HttpClient over a real QNetworkAccessManager and real sockets, against a tiny
// HTTP/1.1 server on 127.0.0.1 (loopback only): what the fake network manager
// cannot prove - Qt's own status/error/abort behaviour on the wire.
#include "engine/http/httpclient.h"
#include "tests/engine/http/fakecredential.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <nlohmann/json.hpp>

#include <deque>

using namespace fm;
using namespace fm::http;

namespace {

/** Answers each connection with the next canned raw response (or never, or by closing). */
class LoopbackServer : public QObject
{
public:
    struct Answer {
        QByteArray raw;     ///< full HTTP response; empty + hang=false: close the connection
        bool hang = false;
    };

    LoopbackServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        });
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void enqueue(Answer a) { m_answers.push_back(std::move(a)); }
    static Answer response(int status, const QByteArray &reason, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return {"HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body,
                false};
    }
    QList<QByteArray> requests;

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        requests << buffer;
        buffer.clear();
        Answer a = m_answers.empty() ? response(599, "Unexpected", "{}") : m_answers.front();
        if (!m_answers.empty())
            m_answers.pop_front();
        if (a.hang)
            return;
        if (a.raw.isEmpty()) {
            s->abort();
            return;
        }
        s->write(a.raw);
        s->disconnectFromHost();
    }
    QTcpServer m_server;
    std::deque<Answer> m_answers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

Expected<Response> await(HttpJob *job)
{
    QSignalSpy spy(job, &Job::finished);
    if (!job->isFinished() && !spy.wait(15000))
        return fail(Error::internal(QStringLiteral("test: no answer")));
    return job->outcome();
}

HttpClient::Options fastRetries()
{
    HttpClient::Options o;
    o.scopes = {QStringLiteral("http://127.0.0.1/.default")};
    o.delayHook = [](int) { return 0; };
    return o;
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT

private slots:
    void okWithHeadersAndBearerToLoopback()
    {
        LoopbackServer server;
        server.enqueue(LoopbackServer::response(200, "OK", R"({"name":"t"})", "x-ms-request-id: rid-7\r\n"));
        QNetworkAccessManager nam;
        HttpClient client(&nam, std::make_shared<fm::test::FakeCredential>(), fastRetries());
        std::unique_ptr<HttpJob> job(client.send(Request::json("PUT", server.url(QStringLiteral("/subscriptions/s?api-version=2024-08-01")), {{"a", 1}})));
        const auto r = await(job.get());
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toDisplayString()));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->requestId(), QStringLiteral("rid-7"));
        QCOMPARE(r->body, QByteArray(R"({"name":"t"})"));
        QCOMPARE(server.requests.size(), 1);
        const QByteArray &raw = server.requests.first();
        QVERIFY2(raw.startsWith("PUT /subscriptions/s?api-version=2024-08-01 HTTP/1.1\r\n"), raw.constData());
        QVERIFY(raw.contains("Authorization: Bearer fake-access-token\r\n"));
        QVERIFY(raw.contains("User-Agent: FlexMigrate/"));
        QVERIFY(raw.endsWith("\r\n\r\n{\"a\":1}"));
    }

    void armErrorOnTheWire()
    {
        LoopbackServer server;
        server.enqueue(LoopbackServer::response(404, "Not Found", R"({"error":{"code":"ResourceNotFound","message":"gone"}})",
                                                "x-ms-correlation-request-id: c-1\r\n"));
        QNetworkAccessManager nam;
        HttpClient client(&nam, nullptr, fastRetries());
        std::unique_ptr<HttpJob> job(client.send(Request::get(server.url(QStringLiteral("/x")))));
        const auto r = await(job.get());
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Arm);
        QCOMPARE(r.error().code, QStringLiteral("ResourceNotFound"));
        QCOMPARE(r.error().httpStatus, 404);
        QCOMPARE(r.error().correlationId, QStringLiteral("c-1"));
    }

    void retriesServiceUnavailableThenSucceeds()
    {
        LoopbackServer server;
        server.enqueue(LoopbackServer::response(503, "Service Unavailable", "{}", "Retry-After: 0\r\n"));
        server.enqueue({QByteArray(), false}); // connection dropped without an answer
        server.enqueue(LoopbackServer::response(200, "OK", "{}"));
        QNetworkAccessManager nam;
        HttpClient client(&nam, nullptr, fastRetries());
        std::unique_ptr<HttpJob> job(client.send(Request::get(server.url(QStringLiteral("/x")))));
        const auto r = await(job.get());
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toDisplayString()));
        QCOMPARE(server.requests.size(), 3);
    }

    void connectionRefusedIsRetryableNetworkError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        } // closed: nobody listens there now
        QNetworkAccessManager nam;
        auto options = fastRetries();
        options.retry.maxRetries = 1;
        HttpClient client(&nam, nullptr, options);
        std::unique_ptr<HttpJob> job(client.send(Request::get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port)))));
        const auto r = await(job.get());
        QVERIFY(!r);
        QCOMPARE(r.error().category, ErrorCategory::Network);
        QVERIFY(r.error().retryable);
        QVERIFY(r.error().isConnectionLost());
    }

    void timeoutAndCancelOnTheWire()
    {
        LoopbackServer server;
        server.enqueue({QByteArray(), true});
        server.enqueue({QByteArray(), true});
        QNetworkAccessManager nam;
        auto options = fastRetries();
        options.retry.maxRetries = 0;
        HttpClient client(&nam, nullptr, options);
        Request request = Request::get(server.url(QStringLiteral("/slow")));
        request.timeoutMs = 200;
        std::unique_ptr<HttpJob> job(client.send(request));
        const auto r = await(job.get());
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("Timeout"));

        request.timeoutMs = 60000;
        std::unique_ptr<HttpJob> second(client.send(request));
        QTRY_COMPARE(server.requests.size(), 2);
        second->cancel();
        QVERIFY(second->isFinished());
        QVERIFY(second->outcome().error().isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
