// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fm::carryover {

/** What the checklist needs to know about the finished migration. */
struct ChecklistContext {
    pg::ConnectionParams source, target; ///< admin connections (dbname is replaced per database)
    QStringList databases;
    bool singleServerSource = false;
    QString sourceServerName;            ///< Single Server name, for the user@server form
    QString aadClientId;                 ///< the AAD app used by the migration; empty: none (direct backend)
    std::optional<bool> validationEqual; ///< a validation already run at cutover; empty: the checklist runs a row count
};

/** @brief One post-cutover task; ticked when verified against the servers (or confirmed by the user where nothing can be checked). */
struct ChecklistItem {
    enum class Id { ConnectionStrings, ReplicationObjects, Sequences, Validation, Statistics, AadApp, SourceRetired };
    Id id = Id::ConnectionStrings;
    QString key;    ///< stable: "connection-strings", "replication-objects", ...
    QString title;
    QString detail; ///< what to do
    QString result; ///< what the last verification found
    bool verified = false;
    bool manual = false; ///< cannot be checked from here: the user confirms it
    QDateTime verifiedAt;
    QJsonObject toJson() const;
};

/**
 * @brief The post-cutover checklist (issue 12): connection strings (old ->
 * new host, user name form), replication objects removed, sequences checked,
 * validation result, statistics refreshed (ANALYZE offered), the AAD app to
 * delete (the seed recommends deleting it), the source to stop or keep
 * read-only. An engine value: the dashboard shows it, the CLI prints it.
 * verify() is blocking libpq work: run it in a ThreadJob.
 */
class PostCutoverChecklist
{
public:
    explicit PostCutoverChecklist(ChecklistContext context);

    const QList<ChecklistItem> &items() const { return m_items; }
    const ChecklistItem *item(ChecklistItem::Id id) const;
    const ChecklistContext &context() const { return m_context; }
    /** The user confirms a manual item (the AAD app deleted). */
    void confirm(ChecklistItem::Id id, bool done = true);
    /** A validation run elsewhere (the dashboard's) feeds its result in. */
    void setValidationResult(bool equal);

    /** Runs the item's check; returns whether it is now verified. Errors only when a server could not be asked at all. */
    Expected<bool> verify(ChecklistItem::Id id, CancelToken *cancel = nullptr);
    /** verify() for every item that is not manual; the number of verified items. */
    Expected<int> verifyAll(CancelToken *cancel = nullptr);
    /** The offered action: ANALYZE every migrated database on the target, then re-checks Statistics. */
    Expected<void> analyzeTarget(CancelToken *cancel = nullptr);

    int verifiedCount() const;
    QJsonObject toJson() const;
    QString toText() const;

private:
    ChecklistItem *find(ChecklistItem::Id id);
    Expected<bool> verifyConnectionStrings(ChecklistItem &item, CancelToken *cancel);
    Expected<bool> verifyReplicationObjects(ChecklistItem &item, CancelToken *cancel);
    Expected<bool> verifySequences(ChecklistItem &item, CancelToken *cancel);
    Expected<bool> verifyValidation(ChecklistItem &item, CancelToken *cancel);
    Expected<bool> verifyStatistics(ChecklistItem &item, CancelToken *cancel);
    Expected<bool> verifySourceRetired(ChecklistItem &item, CancelToken *cancel);

    ChecklistContext m_context;
    QList<ChecklistItem> m_items;
};

} // namespace fm::carryover
