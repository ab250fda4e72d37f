// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/request.h"

#include <QDateTime>

#include <functional>

class QObject;

namespace fm::http {

using ResponseCallback = std::function<void(Expected<Response>)>;
/** Hands the (possibly changed) request to the rest of the chain. */
using NextPolicy = std::function<void(Request, ResponseCallback)>;

/**
 * @brief The state of one send() that the policies share: cancellation, a
 * cancellable timer and the clock. Implemented by HttpJob.
 */
class PipelineCall
{
public:
    virtual ~PipelineCall() = default;
    virtual bool isCancelled() const = 0;
    /** The QObject that owns the call: context for callbacks, so none runs after it is gone. */
    virtual QObject *context() = 0;
    /** Calls then after ms (through the test delay hook), on a QTimer; never when cancelled first. */
    virtual void wait(int ms, std::function<void()> then) = 0;
    /** Current UTC time (injectable for tests). */
    virtual QDateTime now() const = 0;
};

/**
 * @brief One step of the HTTP pipeline (Azure SDK `HttpPolicy`, made async):
 * look at or change the request, call next zero or more times, and call done
 * exactly once, unless the call was cancelled meanwhile.
 */
class HttpPolicy
{
public:
    virtual ~HttpPolicy() = default;
    virtual void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) = 0;
};

} // namespace fm::http
