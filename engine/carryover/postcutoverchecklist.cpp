// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/carryover/postcutoverchecklist.h"

#include "engine/migration/validation.h"
#include "engine/pg/connection.h"

#include <QJsonArray>
#include <QMap>

namespace fm::carryover {

QJsonObject ChecklistItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},           {QStringLiteral("title"), title},     {QStringLiteral("detail"), detail},
                  {QStringLiteral("verified"), verified}, {QStringLiteral("manual"), manual}, {QStringLiteral("result"), result}};
    if (verifiedAt.isValid())
        o.insert(QStringLiteral("verifiedAt"), verifiedAt.toString(Qt::ISODate));
    return o;
}

PostCutoverChecklist::PostCutoverChecklist(ChecklistContext context) : m_context(std::move(context))
{
    using Id = ChecklistItem::Id;
    const QString oldHost = m_context.source.host, newHost = m_context.target.host;
    // roleName() strips @server only for hosts it knows are Single Servers; the context says so explicitly.
    const QString user = m_context.singleServerSource ? m_context.source.user.section(QLatin1Char('@'), 0, 0) : m_context.source.roleName();
    auto add = [this](Id id, const char *key, QString title, QString detail, bool manual = false) {
        ChecklistItem i;
        i.id = id;
        i.key = QString::fromLatin1(key);
        i.title = std::move(title);
        i.detail = std::move(detail);
        i.manual = manual;
        m_items << i;
    };
    QString conn = QStringLiteral("Point applications at %1:%2 instead of %3:%4.").arg(newHost).arg(m_context.target.port).arg(oldHost).arg(m_context.source.port);
    if (m_context.singleServerSource)
        conn += QStringLiteral(" User names lose the @server suffix: %1@%2 becomes %1 (Flexible Server logins are plain role names).")
                    .arg(user, m_context.sourceServerName.isEmpty() ? m_context.source.azureServerName() : m_context.sourceServerName);
    add(Id::ConnectionStrings, "connection-strings", QStringLiteral("Change connection strings to the new server"), conn);
    add(Id::ReplicationObjects, "replication-objects", QStringLiteral("Replication objects removed"),
        QStringLiteral("No logical replication slot, publication or subscription of the migrated databases is left on either server (a forgotten slot keeps WAL "
                       "on the source until its disk fills)."));
    add(Id::Sequences, "sequences", QStringLiteral("Sequences checked"),
        QStringLiteral("Every sequence on the target is at or past its value on the source, so new rows do not collide with copied ones."));
    add(Id::Validation, "validation", QStringLiteral("Validation result"), QStringLiteral("Row counts (and checksums when run) are equal on source and target."));
    add(Id::Statistics, "statistics", QStringLiteral("Statistics refreshed"),
        QStringLiteral("Run ANALYZE on the target: copied tables have no planner statistics until then, and the first queries can be slow."));
    if (m_context.aadClientId.isEmpty())
        add(Id::AadApp, "aad-app", QStringLiteral("AAD app"), QStringLiteral("This migration did not use an Azure AD app: nothing to delete."));
    else
        add(Id::AadApp, "aad-app", QStringLiteral("Delete the AAD app"),
            QStringLiteral("The seed recommends deleting the Azure AD app (client id %1) and its role assignments once the migration is done; confirm when it is deleted.")
                .arg(m_context.aadClientId),
            true);
    add(Id::SourceRetired, "source-retired", QStringLiteral("Stop the source or keep it read-only"),
        QStringLiteral("Stop the source server, or set default_transaction_read_only on its databases, so no application writes to the old server by mistake."));
    if (m_context.aadClientId.isEmpty()) {
        ChecklistItem *a = find(Id::AadApp);
        a->verified = true;
        a->result = QStringLiteral("no AAD app used");
    }
    if (m_context.validationEqual)
        setValidationResult(*m_context.validationEqual);
}

ChecklistItem *PostCutoverChecklist::find(ChecklistItem::Id id)
{
    for (auto &i : m_items)
        if (i.id == id)
            return &i;
    return nullptr;
}

const ChecklistItem *PostCutoverChecklist::item(ChecklistItem::Id id) const
{
    return const_cast<PostCutoverChecklist *>(this)->find(id);
}

void PostCutoverChecklist::confirm(ChecklistItem::Id id, bool done)
{
    if (ChecklistItem *i = find(id)) {
        i->verified = done;
        i->result = done ? QStringLiteral("confirmed by the user") : QString();
        i->verifiedAt = done ? QDateTime::currentDateTimeUtc() : QDateTime();
    }
}

void PostCutoverChecklist::setValidationResult(bool equal)
{
    m_context.validationEqual = equal;
    ChecklistItem *i = find(ChecklistItem::Id::Validation);
    i->verified = equal;
    i->result = equal ? QStringLiteral("equal") : QStringLiteral("differences found: run 'flexmigrate validate' for the details");
    i->verifiedAt = QDateTime::currentDateTimeUtc();
}

Expected<bool> PostCutoverChecklist::verify(ChecklistItem::Id id, CancelToken *cancel)
{
    ChecklistItem *i = find(id);
    if (!i)
        return fail(Error::internal(QStringLiteral("Unknown checklist item.")));
    Expected<bool> r = false;
    switch (id) {
    case ChecklistItem::Id::ConnectionStrings: r = verifyConnectionStrings(*i, cancel); break;
    case ChecklistItem::Id::ReplicationObjects: r = verifyReplicationObjects(*i, cancel); break;
    case ChecklistItem::Id::Sequences: r = verifySequences(*i, cancel); break;
    case ChecklistItem::Id::Validation: r = verifyValidation(*i, cancel); break;
    case ChecklistItem::Id::Statistics: r = verifyStatistics(*i, cancel); break;
    case ChecklistItem::Id::SourceRetired: r = verifySourceRetired(*i, cancel); break;
    case ChecklistItem::Id::AadApp: return i->verified; // manual
    }
    if (!r)
        return r;
    i->verified = *r;
    i->verifiedAt = QDateTime::currentDateTimeUtc();
    return r;
}

Expected<int> PostCutoverChecklist::verifyAll(CancelToken *cancel)
{
    for (const auto &i : QList<ChecklistItem>(m_items)) {
        if (i.manual)
            continue;
        if (auto r = verify(i.id, cancel); !r)
            return fail(r.error());
    }
    return verifiedCount();
}

int PostCutoverChecklist::verifiedCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const ChecklistItem &i) { return i.verified; }));
}

Expected<bool> PostCutoverChecklist::verifyConnectionStrings(ChecklistItem &item, CancelToken *cancel)
{
    // What can be checked from here: the new server takes the plain role name. The
    // applications' own configuration is theirs to change.
    pg::ConnectionParams p = m_context.target;
    p.user = p.roleName();
    p.kind = pg::ServerKind::Other;
    auto c = pg::Connection::open(p, cancel);
    if (!c) {
        item.result = QStringLiteral("cannot log in to %1 as %2: %3").arg(p.endpoint(), p.user, c.error().message);
        return false;
    }
    item.result = QStringLiteral("%1 accepts the login %2 (no @server suffix)").arg(p.endpoint(), p.user);
    return true;
}

Expected<bool> PostCutoverChecklist::verifyReplicationObjects(ChecklistItem &item, CancelToken *cancel)
{
    QStringList left;
    for (const QString &db : m_context.databases) {
        for (const auto &[side, params] : {std::pair{QStringLiteral("source"), m_context.source}, std::pair{QStringLiteral("target"), m_context.target}}) {
            auto c = pg::Connection::open(params.withDatabase(db), cancel);
            if (!c) {
                if (side == QLatin1String("source"))
                    continue; // a stopped source has nothing left running
                return fail(c.error());
            }
            auto r = c->execNamed(QStringLiteral("carryover/replication_leftovers"), {}, cancel);
            if (!r)
                return fail(r.error());
            for (int i = 0; i < r->rows(); ++i)
                left << QStringLiteral("%1 %2 in %3 on the %4").arg(r->text(i, "kind"), r->text(i, "name"), db, side);
        }
    }
    item.result = left.isEmpty() ? QStringLiteral("none left") : QStringLiteral("left: ") + left.join(QStringLiteral("; "));
    return left.isEmpty();
}

Expected<bool> PostCutoverChecklist::verifySequences(ChecklistItem &item, CancelToken *cancel)
{
    QStringList behind;
    int checked = 0;
    for (const QString &db : m_context.databases) {
        auto s = pg::Connection::open(m_context.source.withDatabase(db), cancel);
        if (!s)
            return fail(s.error());
        auto t = pg::Connection::open(m_context.target.withDatabase(db), cancel);
        if (!t)
            return fail(t.error());
        auto sr = s->execNamed(QStringLiteral("carryover/sequences"), {}, cancel);
        if (!sr)
            return fail(sr.error());
        auto tr = t->execNamed(QStringLiteral("carryover/sequences"), {}, cancel);
        if (!tr)
            return fail(tr.error());
        QMap<QString, qint64> target;
        for (int i = 0; i < tr->rows(); ++i)
            target.insert(tr->text(i, "name"), tr->toInt(i, "value"));
        for (int i = 0; i < sr->rows(); ++i) {
            ++checked;
            const QString name = sr->text(i, "name");
            const qint64 v = sr->toInt(i, "value");
            if (!target.contains(name))
                behind << QStringLiteral("%1.%2 missing on the target").arg(db, name);
            else if (target.value(name) < v)
                behind << QStringLiteral("%1.%2 at %3, source at %4").arg(db, name).arg(target.value(name)).arg(v);
        }
    }
    item.result = behind.isEmpty() ? QStringLiteral("%1 sequence(s) at or past the source").arg(checked) : QStringLiteral("behind: ") + behind.join(QStringLiteral("; "));
    return behind.isEmpty();
}

Expected<bool> PostCutoverChecklist::verifyValidation(ChecklistItem &item, CancelToken *cancel)
{
    if (m_context.validationEqual) {
        item.result = *m_context.validationEqual ? QStringLiteral("equal") : QStringLiteral("differences found");
        return *m_context.validationEqual;
    }
    int differing = 0, tables = 0;
    for (const QString &db : m_context.databases) {
        auto v = migration::validateDatabase(m_context.source.withDatabase(db), m_context.target.withDatabase(db), migration::ValidationOptions{}, cancel);
        if (!v)
            return fail(v.error());
        differing += v->differingTables();
        tables += int(v->tables.size());
    }
    item.result = differing == 0 ? QStringLiteral("row counts equal in %1 table(s)").arg(tables) : QStringLiteral("%1 of %2 table(s) differ").arg(differing).arg(tables);
    return differing == 0;
}

Expected<bool> PostCutoverChecklist::verifyStatistics(ChecklistItem &item, CancelToken *cancel)
{
    QStringList missing;
    for (const QString &db : m_context.databases) {
        auto t = pg::Connection::open(m_context.target.withDatabase(db), cancel);
        if (!t)
            return fail(t.error());
        auto r = t->execNamed(QStringLiteral("carryover/unanalyzed_tables"), {}, cancel);
        if (!r)
            return fail(r.error());
        for (int i = 0; i < r->rows(); ++i)
            missing << db + QLatin1Char('.') + r->text(i, "name");
    }
    item.result = missing.isEmpty() ? QStringLiteral("every table has statistics")
                                    : QStringLiteral("%1 table(s) never analyzed: %2").arg(missing.size()).arg(missing.mid(0, 10).join(QStringLiteral(", ")));
    return missing.isEmpty();
}

Expected<bool> PostCutoverChecklist::verifySourceRetired(ChecklistItem &item, CancelToken *cancel)
{
    QStringList writable;
    for (const QString &db : m_context.databases) {
        auto c = pg::Connection::open(m_context.source.withDatabase(db), cancel);
        if (!c) {
            if (c.error().code.startsWith(QLatin1String("08")) || c.error().category == ErrorCategory::Network) {
                item.result = QStringLiteral("the source does not accept connections (stopped): %1").arg(c.error().message);
                return true;
            }
            return fail(c.error());
        }
        auto r = c->exec(QStringLiteral("SHOW default_transaction_read_only"), {}, cancel);
        if (!r)
            return fail(r.error());
        if (!r->toBool(0, 0))
            writable << db;
    }
    item.result = writable.isEmpty() ? QStringLiteral("every migrated database on the source is read-only")
                                     : QStringLiteral("still writable on the source: ") + writable.join(QStringLiteral(", "));
    return writable.isEmpty();
}

Expected<void> PostCutoverChecklist::analyzeTarget(CancelToken *cancel)
{
    for (const QString &db : m_context.databases) {
        auto t = pg::Connection::open(m_context.target.withDatabase(db), cancel);
        if (!t)
            return fail(t.error());
        if (auto r = t->exec(QStringLiteral("ANALYZE"), {}, cancel); !r)
            return fail(r.error());
    }
    if (auto r = verify(ChecklistItem::Id::Statistics, cancel); !r)
        return fail(r.error());
    return {};
}

QJsonObject PostCutoverChecklist::toJson() const
{
    QJsonArray arr;
    for (const auto &i : m_items)
        arr.append(i.toJson());
    return {{QStringLiteral("items"), arr}, {QStringLiteral("verified"), verifiedCount()}, {QStringLiteral("total"), int(m_items.size())}};
}

QString PostCutoverChecklist::toText() const
{
    QString out;
    for (const auto &i : m_items) {
        out += QStringLiteral("%1 %2\n      %3\n").arg(i.verified ? QStringLiteral("[x]") : QStringLiteral("[ ]"), i.title, i.detail);
        if (!i.result.isEmpty())
            out += QStringLiteral("      found: ") + i.result + QLatin1Char('\n');
    }
    return out;
}

} // namespace fm::carryover
