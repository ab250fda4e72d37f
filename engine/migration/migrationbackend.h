// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/migration/migrationstatus.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace fm::migration {

/** The outcome of one backend action, delivered exactly once, always queued (never from inside the call). */
using ActionCallback = std::function<void(Expected<void>)>;

/**
 * @brief The secrets a backend needs to start, given at start time only (never
 * stored in a spec, draft or journal; DESIGN.md "Rules that hold everywhere").
 * Empty fields mean "not needed" or "already in the backend's options".
 */
struct StartCredentials {
    Secret sourcePassword;
    Secret targetPassword;
    Secret aadSecret; ///< service backend on api-version 2021-06-15-privatepreview: the AAD app the service acts as
};

/**
 * @brief One running migration on one backend (issue 11: "Backends with one
 * interface"): start, observe, cutover, cancel, delete, and one MigrationStatus.
 *
 * Lives on the thread that owns it and never blocks it: each action reports its
 * result once through its callback (an accepted request, not the end of the
 * migration: progress comes through statusChanged()). At most one cutover
 * request is in flight: a second cutover() while one runs is refused with
 * Error code "CutoverInProgress" and nothing is sent twice.
 *
 * statusChanged() is emitted whenever the observed status differs from the
 * previous one (observedAt aside); finished() once, when the status first
 * becomes terminal or the migration was deleted.
 *
 * (Named MigrationBackend because migrationspec.h already has the enum
 * fm::migration::Backend that selects one.)
 */
class MigrationBackend : public QObject
{
    Q_OBJECT
public:
    explicit MigrationBackend(QObject *parent = nullptr);
    ~MigrationBackend() override;

    /** "service", "dms" or "direct" (MigrationStatus::backend). */
    virtual QString name() const = 0;

    /** Creates and starts the migration. */
    virtual void start(const StartCredentials &credentials, ActionCallback done) = 0;
    /** Starts observing a migration started earlier (reattach after a restart); no create. */
    virtual void observe(ActionCallback done) = 0;
    /**
     * Asks for the cutover of `databases` (empty: all). Refused while another
     * cutover request of this backend is in flight (code "CutoverInProgress"),
     * and by the backend when it is not ready (the backend's reason is the message).
     */
    void cutover(const QStringList &databases, ActionCallback done);
    void cutover(ActionCallback done) { cutover({}, std::move(done)); }
    /**
     * Answers what status().requiredAction asks for (issue 11: "the substates
     * where the service waits for the user"): "setup-replication",
     * "overwrite-dbs", "start-data-migration", "db-names" (with `databases` as
     * the new list) and "cutover" (= cutover(databases)). The default handles
     * "cutover" only; others are refused with code "ActionNotSupported".
     */
    virtual void resolveAction(const QString &action, const QStringList &databases, ActionCallback done);
    /** Stops the migration and cleans up (the status ends Canceled). */
    virtual void cancel(ActionCallback done) = 0;
    /** Deletes the migration (service: DELETE; direct: cancels if running, then removes its journal). */
    virtual void remove(ActionCallback done) = 0;

    /** The last observed status (state Unknown before the first observation). */
    MigrationStatus status() const { return m_status; }
    bool isFinished() const { return m_finished; }
    bool isCutoverInFlight() const { return m_cutoverInFlight; }

signals:
    void statusChanged(const fm::migration::MigrationStatus &status);
    void finished();

protected:
    /** The backend's cutover; `done` must be called exactly once (from the event loop or queued). */
    virtual void doCutover(const QStringList &databases, ActionCallback done) = 0;
    /** Records a new observation; emits statusChanged when it differs, finished once when terminal. */
    void setStatus(MigrationStatus status);
    /** Emits finished() unless already emitted. */
    void markFinished();
    /** Calls done(result) from the event loop (queued on this object), never from inside the action. */
    void deliverLater(ActionCallback done, Expected<void> result);

private:
    MigrationStatus m_status;
    bool m_finished = false;
    bool m_cutoverInFlight = false;
};

} // namespace fm::migration
