// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/carryover/postcutoverchecklist.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"
#include "engine/migration/migrationstatus.h"
#include "engine/migration/validation.h"
#include "engine/pg/connectionparams.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace fm {
class Job;
}

namespace fm::dashboard {

class TableProgressModel;

/**
 * @brief Everything the dashboard shows about one migration, without widgets
 * (STYLE.md 9): it reads only MigrationBackend/MigrationStatus (DESIGN.md "one
 * model"), so the same view serves the service, dms and direct backends.
 *
 * Keeps what a single status cannot: lag and throughput over time (issue 7,
 * "a chart of lag and throughput over time"), the state timeline, the cutover
 * record (who pressed it, when, the lag then) and the validation results.
 *
 * Cutover gating (issue 7): allowed only when every database is ready (copy
 * done, backend waits for cutover) and the lag is under the thresholds; one
 * request at a time from here (a second click while one is pending sends
 * nothing), on top of MigrationBackend's own refusal of a second request.
 */
class MigrationViewModel : public QObject
{
    Q_OBJECT
public:
    /** One point of the lag/throughput chart. */
    struct Sample {
        QDateTime time;
        std::optional<qint64> lagSeconds;
        std::optional<qint64> lagBytes;
        double rowsPerSecond = 0;  ///< full-load rows copied per second since the previous sample
        double bytesPerSecond = 0; ///< full-load bytes per second
        double changesPerSecond = 0; ///< CDC changes applied per second
    };
    /** A state change, oldest first. */
    struct TimelineEntry {
        QDateTime time;
        migration::MigrationStatus::State state = migration::MigrationStatus::State::Unknown;
        migration::MigrationStatus::SubState subState = migration::MigrationStatus::SubState::None;
        QString text; ///< "InProgress / CopyingData", or an action ("Cutover requested by alice")
    };
    /** A phase of the run for the report: from its first to the next phase's first observation. */
    struct Phase {
        QString name;
        QDateTime start;
        QDateTime end; ///< invalid: still running
    };
    struct CutoverRecord {
        QDateTime requestedAt;
        QString requestedBy;
        QStringList databases; ///< empty: all
        migration::MigrationStatus::Lag lagAtRequest;
        std::optional<qint64> pendingChanges;
        bool answered = false;
        bool accepted = false;
        QString refusal; ///< the backend's reason when refused
        QDateTime completedAt; ///< when the migration reached Succeeded afterwards
    };
    /** ETA and rate of one database's initial copy. */
    struct DatabaseRate {
        double rowsPerSecond = 0;
        std::optional<qint64> etaSeconds;
    };

    /** Follows `backend` directly (its statusChanged). */
    MigrationViewModel(QString id, migration::MigrationBackend *backend, QObject *parent = nullptr);
    /**
     * Fed from outside (MigrationManager::statusChanged -> updateStatus); the
     * backend is looked up at each action because the manager may replace it
     * (resume after a restart, the next part of a group).
     */
    MigrationViewModel(QString id, std::function<migration::MigrationBackend *()> backendLookup, const migration::MigrationStatus &initial,
                       QObject *parent = nullptr);
    ~MigrationViewModel() override;

    QString id() const { return m_id; }
    /** The backend now (null: not attached, e.g. a direct run waiting for its passwords after a restart). */
    migration::MigrationBackend *backend() const;
    migration::MigrationStatus status() const { return m_status; }
    /** A new observation (what the backend or the manager reported). */
    void updateStatus(const migration::MigrationStatus &status) { onStatus(status); }

    /** How a detached migration continues (the composition root asks for the passwords and calls MigrationManager::resume). */
    void setResumer(std::function<void(migration::ActionCallback)> resumer)
    {
        m_resumer = std::move(resumer);
        emit cutoverStateChanged(); // the view shows Resume now
    }
    bool canResume() const;
    void resume();
    /** A service or dms migration: followed through ARM, so after a restart it waits for the sign-in, not for passwords. */
    bool isAzure() const;
    QString title() const;

    /** The inputs shown in the report (the spec never holds a secret). */
    void setSpec(const migration::MigrationSpec &spec);
    const std::optional<migration::MigrationSpec> &spec() const { return m_spec; }
    /** Where validation connects; passwords stay in memory only (never in the report). */
    void setValidationEndpoints(const pg::ConnectionParams &source, const pg::ConnectionParams &target);
    bool canValidate() const;

    void setLagThresholdSeconds(qint64 s);
    void setLagThresholdBytes(qint64 b);
    qint64 lagThresholdSeconds() const { return m_lagThresholdSeconds; }
    qint64 lagThresholdBytes() const { return m_lagThresholdBytes; }
    /** Who is recorded as pressing cutover (default: the OS user). */
    void setOperatorName(const QString &name) { m_operator = name; }

    // --- cutover ---------------------------------------------------------
    /** Whether a cutover of `databases` (empty: all, the Cutover button) may be sent now. */
    bool canCutover(const QStringList &databases = {}) const;
    /**
     * Why the cutover of `databases` (empty: all) is not possible now, in plain words (empty when it is).
     * All: every database ready and the backend waiting for the cutover. Some (per-database cutover):
     * those databases ready, whatever the others do — once one database completes, the backend no
     * longer reads as waiting, and the rest must still be able to follow.
     */
    QString cutoverBlocker(const QStringList &databases = {}) const;
    /** Whether the backend can cut databases over one by one (service/dms; the direct engine switches all at once). */
    bool supportsPerDatabaseCutover() const;
    /** A database is ready: copy done, waiting for cutover, lag under the thresholds. */
    bool isDatabaseReady(const QString &database) const;
    /** The confirmation text: databases, lag and pending changes now. */
    QString cutoverConfirmationText(const QStringList &databases = {}) const;
    /** Sends one cutover request unless one is pending or gating refuses; returns whether it was sent. */
    bool requestCutover(const QStringList &databases = {});
    bool isCutoverPending() const { return m_cutoverPending; }
    int cutoverRequestsSent() const { return m_cutoverRequests; }
    /** The last cutover request. */
    const std::optional<CutoverRecord> &cutoverRecord() const { return m_cutover; }
    /** Every cutover request of this session, oldest first (several with per-database cutover). */
    QList<CutoverRecord> cutoverHistory() const;

    // --- cancel / delete -------------------------------------------------
    bool canCancel() const;
    QString cancelConfirmationText() const;
    QString removeConfirmationText() const;
    void cancel();
    /** Removes through `remover` when set (the manager forgets the record too), else MigrationBackend::remove. */
    void remove();
    void setRemover(std::function<void(migration::ActionCallback)> remover) { m_remover = std::move(remover); }

    // --- validation ------------------------------------------------------
    void validate(bool checksums = true);
    bool isValidating() const { return m_validationJob != nullptr; }
    const QList<migration::DatabaseValidation> &validation() const { return m_validation; }
    QDateTime validatedAt() const { return m_validatedAt; }
    QString validationError() const { return m_validationError; }
    /** Per "database/schema.table": true equal, false different; absent: not validated. */
    std::optional<bool> tableValidation(const QString &database, const QString &table) const;

    // --- post-cutover checklist (issue 12) ----------------------------------
    /**
     * After a completed migration (Succeeded): what is left to do. Built from the validation endpoints
     * (or the spec's servers) and fed the last validation result; empty before the migration succeeded.
     */
    const std::optional<carryover::PostCutoverChecklist> &checklist() const { return m_checklist; }
    /** Verifying needs both servers' connections (migrations started in this session). */
    bool canVerifyChecklist() const;
    /** Checks every item that can be checked against both servers; blocking libpq work on a worker thread. */
    void verifyChecklist();
    bool isVerifyingChecklist() const { return m_checklistJob != nullptr; }
    QString checklistError() const { return m_checklistError; }
    /** The user confirms a manual item (the AAD app deleted). */
    void confirmChecklistItem(carryover::ChecklistItem::Id id, bool done = true);

    // --- history ---------------------------------------------------------
    const QList<Sample> &samples() const { return m_samples; }
    const QList<TimelineEntry> &timeline() const { return m_timeline; }
    QList<Phase> phases() const;
    DatabaseRate databaseRate(const QString &database) const { return m_rates.value(database); }
    /** The last action's result in plain words ("Cutover accepted", "Cancel failed: ..."). */
    QString lastActionMessage() const { return m_lastAction; }

    TableProgressModel *tableModel() const { return m_tables; }

    /**
     * How far the initial copy of a database is, 0..1: by rows when every table still
     * to copy has a row estimate, else by tables (completed + half of those copying).
     */
    static double copyFraction(const migration::MigrationStatus::DatabaseProgress &d);
    /** Rows still to copy when every unfinished table has an estimate (for the ETA). */
    static std::optional<qint64> remainingRows(const migration::MigrationStatus::DatabaseProgress &d);

    /** Plain-words lines of the errors ("message (code X, request id Y)"). */
    static QString errorText(const migration::MigrationStatus::ErrorInfo &e);
    static QString formatBytes(qint64 bytes);
    static QString formatDuration(qint64 seconds);

signals:
    void statusChanged();
    void samplesChanged();
    void timelineChanged();
    void cutoverStateChanged();
    void validationChanged();
    void actionFinished(const QString &action, bool ok, const QString &message);
    /** Desktop notification: kind is "ready", "completed" or "failed". */
    void notify(const QString &kind, const QString &title, const QString &text);
    void removed();
    void checklistChanged();

private:
    bool isDirect() const;
    void onStatus(const migration::MigrationStatus &status);
    void addTimeline(const QString &text);
    void setLastAction(const QString &action, const Expected<void> &result);
    void buildChecklist();

    QString m_id;
    QPointer<migration::MigrationBackend> m_backend;
    std::function<migration::MigrationBackend *()> m_lookup;
    std::function<void(migration::ActionCallback)> m_resumer;
    migration::MigrationStatus m_status;
    std::optional<migration::MigrationSpec> m_spec;
    std::optional<pg::ConnectionParams> m_validationSource, m_validationTarget;
    qint64 m_lagThresholdSeconds = 10;
    qint64 m_lagThresholdBytes = 64LL * 1024 * 1024;
    QString m_operator;
    bool m_cutoverPending = false;
    /** Databases whose cutover the backend accepted (all of them after a whole cutover): never sent again, even before the next poll shows it. */
    QStringList m_cutoverAccepted;
    int m_cutoverRequests = 0;
    std::optional<CutoverRecord> m_cutover;
    QList<CutoverRecord> m_earlierCutovers; ///< requests before m_cutover
    std::function<void(migration::ActionCallback)> m_remover;
    Job *m_validationJob = nullptr;
    QList<migration::DatabaseValidation> m_validation;
    QDateTime m_validatedAt;
    QString m_validationError;
    QList<Sample> m_samples;
    QList<TimelineEntry> m_timeline;
    QHash<QString, DatabaseRate> m_rates;
    QHash<QString, QPair<QDateTime, qint64>> m_lastRows; ///< per database: last time and rows copied (for the rate)
    QString m_lastAction;
    bool m_notifiedReady = false;
    bool m_notifiedEnd = false;
    TableProgressModel *m_tables = nullptr;
    std::optional<carryover::PostCutoverChecklist> m_checklist;
    Job *m_checklistJob = nullptr;
    bool m_checklistTouched = false; ///< verified or confirmed: not rebuilt any more
    QString m_checklistError;
};

} // namespace fm::dashboard
