// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/error.h"

namespace fm {

QString categoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Network: return QStringLiteral("network");
    case ErrorCategory::Http: return QStringLiteral("http");
    case ErrorCategory::Auth: return QStringLiteral("auth");
    case ErrorCategory::Arm: return QStringLiteral("arm");
    case ErrorCategory::Dms: return QStringLiteral("dms");
    case ErrorCategory::Postgres: return QStringLiteral("postgres");
    case ErrorCategory::Validation: return QStringLiteral("validation");
    case ErrorCategory::Cancelled: return QStringLiteral("cancelled");
    case ErrorCategory::Io: return QStringLiteral("io");
    case ErrorCategory::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

Error Error::make(ErrorCategory category, QString code, QString message, QString fix)
{
    Error e;
    e.category = category;
    e.code = std::move(code);
    e.message = std::move(message);
    e.fix = std::move(fix);
    return e;
}

Error Error::cancelled()
{
    return make(ErrorCategory::Cancelled, QStringLiteral("Cancelled"), QStringLiteral("The operation was cancelled."));
}

Error Error::validation(QString code, QString message, QString fix)
{
    return make(ErrorCategory::Validation, std::move(code), std::move(message), std::move(fix));
}

Error Error::internal(QString message)
{
    return make(ErrorCategory::Internal, QStringLiteral("Internal"), std::move(message));
}

bool Error::isConnectionLost() const
{
    if (category == ErrorCategory::Network)
        return true;
    return category == ErrorCategory::Postgres && code.startsWith(QLatin1String("08"));
}

QString Error::toDisplayString() const
{
    QString s = message;
    if (!code.isEmpty())
        s = QStringLiteral("%1 [%2]").arg(s, code);
    if (httpStatus)
        s += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!requestId.isEmpty())
        s += QStringLiteral(" request id %1").arg(requestId);
    if (!fix.isEmpty())
        s += QStringLiteral(" — ") + fix;
    return s;
}

} // namespace fm
