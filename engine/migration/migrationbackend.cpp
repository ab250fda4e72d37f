// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationbackend.h"

#include <QMetaObject>
#include <QPointer>

namespace fm::migration {

MigrationBackend::MigrationBackend(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<fm::migration::MigrationStatus>("fm::migration::MigrationStatus");
}

MigrationBackend::~MigrationBackend() = default;

void MigrationBackend::cutover(const QStringList &databases, ActionCallback done)
{
    if (m_cutoverInFlight) {
        deliverLater(std::move(done),
                     fail(Error::validation(QStringLiteral("CutoverInProgress"), QStringLiteral("A cutover of this migration was already requested and is still in flight."),
                                            QStringLiteral("Wait for its result before asking again."))));
        return;
    }
    m_cutoverInFlight = true;
    QPointer<MigrationBackend> self(this);
    doCutover(databases, [self, done = std::move(done)](Expected<void> result) {
        if (self)
            self->m_cutoverInFlight = false;
        if (done)
            done(std::move(result));
    });
}

void MigrationBackend::resolveAction(const QString &action, const QStringList &databases, ActionCallback done)
{
    if (action == QLatin1String("cutover")) {
        cutover(databases, std::move(done));
        return;
    }
    deliverLater(std::move(done), fail(Error::validation(QStringLiteral("ActionNotSupported"),
                                                         QStringLiteral("The %1 backend has no \"%2\" action.").arg(name(), action))));
}

void MigrationBackend::setStatus(MigrationStatus status)
{
    // observedAt changes on every read; the rest decides whether anything changed.
    nlohmann::json before = m_status.toJson();
    nlohmann::json after = status.toJson();
    before.erase("observedAt");
    after.erase("observedAt");
    const bool changed = before != after;
    m_status = std::move(status);
    if (changed)
        emit statusChanged(m_status);
    if (m_status.isTerminal())
        markFinished();
}

void MigrationBackend::markFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

void MigrationBackend::deliverLater(ActionCallback done, Expected<void> result)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

} // namespace fm::migration
