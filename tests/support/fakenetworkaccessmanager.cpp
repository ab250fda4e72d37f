// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/fakenetworkaccessmanager.h"

#include <QPointer>
#include <QTimer>

#include <cstring>

namespace fm::test {

namespace {

/** A reply that plays one FakeResponse back through the normal QNetworkReply signals. */
class FakeReply final : public QNetworkReply
{
public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, FakeResponse response, QObject *parent)
        : QNetworkReply(parent), m_response(std::move(response))
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!m_response.hang)
            QTimer::singleShot(std::max(0, m_response.delayMs), this, [this] { deliver(); });
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }

    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_offset);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        std::memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    void deliver()
    {
        if (isFinished())
            return;
        if (m_response.error != NoError) {
            setError(m_response.error, QStringLiteral("Fake network error %1").arg(int(m_response.error)));
            setFinished(true);
            emit errorOccurred(m_response.error);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
        for (const auto &h : m_response.headers)
            setRawHeader(h.first, h.second);
        m_data = m_response.body;
        // Like the real backend: statuses >= 400 also set an error, with the status still readable.
        if (m_response.status >= 400)
            setError(m_response.status >= 500 ? InternalServerError : ContentNotFoundError, QStringLiteral("HTTP %1").arg(m_response.status));
        emit metaDataChanged();
        if (!m_data.isEmpty())
            emit readyRead();
        setFinished(true);
        if (m_response.status >= 400)
            emit errorOccurred(error());
        emit finished();
    }

    FakeResponse m_response;
    QByteArray m_data;
    qint64 m_offset = 0;
};

QByteArray methodName(QNetworkAccessManager::Operation op, const QNetworkRequest &request)
{
    switch (op) {
    case QNetworkAccessManager::HeadOperation: return "HEAD";
    case QNetworkAccessManager::GetOperation: return "GET";
    case QNetworkAccessManager::PutOperation: return "PUT";
    case QNetworkAccessManager::PostOperation: return "POST";
    case QNetworkAccessManager::DeleteOperation: return "DELETE";
    case QNetworkAccessManager::CustomOperation: return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    default: return "UNKNOWN";
    }
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    return r;
}

FakeResponse FakeResponse::empty(int status)
{
    FakeResponse r;
    r.status = status;
    return r;
}

FakeResponse FakeResponse::networkError(QNetworkReply::NetworkError error)
{
    FakeResponse r;
    r.status = 0;
    r.error = error;
    return r;
}

FakeResponse FakeResponse::hanging()
{
    FakeResponse r;
    r.hang = true;
    return r;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent) {}

void FakeNetworkAccessManager::enqueue(FakeResponse response)
{
    m_queue.push_back(std::move(response));
}

void FakeNetworkAccessManager::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

int FakeNetworkAccessManager::openReplies() const
{
    int n = 0;
    for (const auto &r : m_replies) {
        if (r && !r->isFinished())
            ++n;
    }
    return n;
}

void FakeNetworkAccessManager::clear()
{
    m_requests.clear();
    m_queue.clear();
    m_handler = nullptr;
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    RecordedRequest recorded;
    recorded.method = methodName(op, request);
    recorded.url = request.url();
    for (const QByteArray &name : request.rawHeaderList())
        recorded.headers.append(qMakePair(name, request.rawHeader(name)));
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);

    std::optional<FakeResponse> answer;
    if (m_handler)
        answer = m_handler(recorded);
    if (!answer && !m_queue.empty()) {
        answer = std::move(m_queue.front());
        m_queue.pop_front();
    }
    if (!answer) {
        answer = FakeResponse::json(599, QByteArrayLiteral("{\"error\":{\"code\":\"FakeUnexpectedRequest\",\"message\":\"no fake response queued for ")
                                             + recorded.method + ' ' + recorded.url.toEncoded() + "\"}}");
    }
    auto *reply = new FakeReply(op, request, std::move(*answer), this);
    m_replies.removeIf([](const QPointer<QNetworkReply> &p) { return p.isNull(); });
    m_replies.append(reply);
    emit requestRecorded(int(m_requests.size() - 1));
    return reply;
}

} // namespace fm::test
