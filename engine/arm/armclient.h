// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/resourceid.h"
#include "engine/core/expected.h"
#include "engine/http/cloudprofile.h"
#include "engine/http/httpclient.h"
#include "engine/http/request.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <variant>

#include <nlohmann/json.hpp>

namespace fm::http {
class LroPoller;
} // namespace fm::http

namespace fm::arm {

/** "Nothing to return" for operations such as DELETE or a finished restart. */
using Unit = std::monostate;

template<typename T>
using Callback = std::function<void(Expected<T>)>;

/**
 * @brief What every typed ARM client shares: the HttpClient (policy chain,
 * bearer, retries), the cloud profile (ARM endpoint), URL building with the
 * api-version, JSON parsing at the boundary and ARM long-running operations.
 *
 * Every call is asynchronous: `done` is called exactly once on `context`'s
 * thread, and never when `context` was destroyed first (the request is
 * aborted), following http::call().
 */
class ArmClient
{
public:
    ArmClient(http::HttpClient *client, http::CloudProfile profile);

    http::HttpClient *httpClient() const { return m_client; }
    const http::CloudProfile &profile() const { return m_profile; }

    /** armEndpoint + path + `?api-version=` + extra query items (in that order). */
    QUrl url(const QString &path, const QString &apiVersion, const QList<QPair<QString, QString>> &query = {}) const;
    QUrl url(const ResourceId &id, const QString &suffix, const QString &apiVersion, const QList<QPair<QString, QString>> &query = {}) const;

    /** Sends and hands back the raw response (status < 400; errors come as Error from the pipeline). */
    void send(http::Request request, QObject *context, Callback<http::Response> done) const;
    /** Sends and parses the JSON body with `parse`. */
    template<typename T>
    void sendParsed(http::Request request, QObject *context, std::function<Expected<T>(const nlohmann::json &)> parse, Callback<T> done) const
    {
        send(std::move(request), context, [parse = std::move(parse), done = std::move(done)](Expected<http::Response> r) {
            if (!r)
                return done(fail(r.error()));
            auto j = r->json();
            if (!j) {
                Error e = j.error();
                e.requestId = r->requestId();
                e.correlationId = r->correlationId();
                return done(fail(e));
            }
            auto v = parse(*j);
            if (!v) {
                Error e = v.error();
                e.requestId = r->requestId();
                e.correlationId = r->correlationId();
                return done(fail(e));
            }
            done(std::move(*v));
        });
    }
    /**
     * Sends a request that may start a long-running operation (PUT/PATCH/POST/DELETE
     * answered 200/201/202 with Azure-AsyncOperation/Location/provisioningState,
     * azure-api.md §5.3) and follows it; `done` gets the final response.
     * `started` (optional) receives the poller, for progress and resume tokens.
     */
    void sendLongRunning(http::Request request, QObject *context, Callback<http::Response> done,
                         std::function<void(http::LroPoller *)> started = {}) const;
    /** A response handler that parses the JSON body with `parse` and hands the value (or the error) to `done`. */
    template<typename T>
    static Callback<http::Response> parsed(Expected<T> (*parse)(const nlohmann::json &), Callback<T> done)
    {
        return [parse, done = std::move(done)](Expected<http::Response> r) {
            if (!r)
                return done(fail(r.error()));
            auto j = r->json();
            if (!j)
                return done(fail(j.error()));
            done(parse(*j));
        };
    }
    /** A response handler for operations that return nothing (DELETE, restart). */
    static Callback<http::Response> unit(Callback<Unit> done)
    {
        return [done = std::move(done)](Expected<http::Response> r) {
            if (!r)
                return done(fail(r.error()));
            done(Unit{});
        };
    }
    /** Delivers an error the same way a call would (queued on context), e.g. for bad input caught before any request. */
    template<typename T>
    static void failLater(QObject *context, Callback<T> done, Error error)
    {
        QMetaObject::invokeMethod(context, [done = std::move(done), error = std::move(error)] { done(fail(error)); }, Qt::QueuedConnection);
    }
    /** Checks `id` is of `type`; on mismatch returns the error to hand to failLater(). */
    static std::optional<Error> expectType(const ResourceId &id, const QString &type, const QString &what);

    /** GETs a pageable list, following `nextLink` (absolute URLs on the same host) until the end. */
    void listAll(const QUrl &first, QObject *context, Callback<QList<nlohmann::json>> done) const;

private:
    QPointer<http::HttpClient> m_client;
    http::CloudProfile m_profile;
};

} // namespace fm::arm
