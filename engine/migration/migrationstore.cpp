// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace fm::migration {

namespace {
// A record is metadata; anything that looks like a credential in `extra` is refused.
bool looksSecret(const QJsonObject &o)
{
    static const QRegularExpression key(QStringLiteral("pass(word)?|secret|token|credential"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (key.match(it.key()).hasMatch())
            return true;
        if (it.value().isObject() && looksSecret(it.value().toObject()))
            return true;
    }
    return false;
}

bool validId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(id).hasMatch();
}
} // namespace

QJsonObject toJson(const StoredMigration &m)
{
    return QJsonObject{{QStringLiteral("formatVersion"), 1},
                       {QStringLiteral("id"), m.id},
                       {QStringLiteral("name"), m.name},
                       {QStringLiteral("backend"), backendName(m.backend)},
                       {QStringLiteral("targetResourceId"), m.targetResourceId},
                       {QStringLiteral("migrationResourceId"), m.migrationResourceId},
                       {QStringLiteral("apiVersion"), m.apiVersion},
                       {QStringLiteral("databases"), QJsonArray::fromStringList(m.databases)},
                       {QStringLiteral("groupId"), m.groupId},
                       {QStringLiteral("groupIndex"), m.groupIndex},
                       {QStringLiteral("createdUtc"), m.createdUtc.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("lastState"), m.lastState},
                       {QStringLiteral("directJournalPath"), m.directJournalPath},
                       {QStringLiteral("createdResources"), QJsonArray::fromStringList(m.createdResources)},
                       {QStringLiteral("extra"), m.extra}};
}

Expected<StoredMigration> storedMigrationFromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("formatVersion")).toInt() != 1)
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("Unknown record format version.")));
    StoredMigration m;
    m.id = o.value(QStringLiteral("id")).toString();
    if (!validId(m.id))
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("The record has no valid id.")));
    m.name = o.value(QStringLiteral("name")).toString();
    const auto backend = backendFromName(o.value(QStringLiteral("backend")).toString());
    if (!backend)
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("The record's backend is not service, dms or direct.")));
    m.backend = *backend;
    m.targetResourceId = o.value(QStringLiteral("targetResourceId")).toString();
    m.migrationResourceId = o.value(QStringLiteral("migrationResourceId")).toString();
    m.apiVersion = o.value(QStringLiteral("apiVersion")).toString();
    for (const auto &v : o.value(QStringLiteral("databases")).toArray())
        m.databases << v.toString();
    m.groupId = o.value(QStringLiteral("groupId")).toString();
    m.groupIndex = o.value(QStringLiteral("groupIndex")).toInt();
    m.createdUtc = QDateTime::fromString(o.value(QStringLiteral("createdUtc")).toString(), Qt::ISODateWithMs);
    m.lastState = o.value(QStringLiteral("lastState")).toString();
    m.directJournalPath = o.value(QStringLiteral("directJournalPath")).toString();
    for (const auto &v : o.value(QStringLiteral("createdResources")).toArray())
        m.createdResources << v.toString();
    m.extra = o.value(QStringLiteral("extra")).toObject();
    return m;
}

MigrationStore::MigrationStore(QString directory) : m_dir(directory.isEmpty() ? defaultDirectory() : std::move(directory)) {}

QString MigrationStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/migrations");
}

QString MigrationStore::pathFor(const QString &id) const
{
    return QDir(m_dir).filePath(id + QStringLiteral(".json"));
}

Expected<void> MigrationStore::save(const StoredMigration &m) const
{
    if (!validId(m.id))
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("A migration record needs an id of letters, digits, '-' and '_'.")));
    if (looksSecret(m.extra))
        return fail(Error::internal(QStringLiteral("Refusing to store a migration record that carries a credential.")));
    if (!QDir().mkpath(m_dir))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("StoreNotWritable"), QStringLiteral("Cannot create %1.").arg(m_dir)));
    QSaveFile f(pathFor(m.id));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(toJson(m)).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("StoreNotWritable"), QStringLiteral("Cannot write %1: %2").arg(pathFor(m.id), f.errorString())));
    return {};
}

Expected<StoredMigration> MigrationStore::load(const QString &id) const
{
    if (!validId(id))
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("\"%1\" is not a migration id.").arg(id)));
    QFile f(pathFor(id));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("NotFound"), QStringLiteral("No migration record %1.").arg(id)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("%1 is damaged: %2").arg(f.fileName(), pe.errorString())));
    return storedMigrationFromJson(doc.object());
}

Expected<void> MigrationStore::remove(const QString &id) const
{
    if (!validId(id))
        return fail(Error::validation(QStringLiteral("InvalidRecord"), QStringLiteral("\"%1\" is not a migration id.").arg(id)));
    if (QFile::exists(pathFor(id)) && !QFile::remove(pathFor(id)))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("StoreNotWritable"), QStringLiteral("Cannot remove %1.").arg(pathFor(id))));
    return {};
}

QList<StoredMigration> MigrationStore::list(QStringList *problems) const
{
    QList<StoredMigration> out;
    const QDir dir(m_dir);
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        auto m = load(file.chopped(5));
        if (m)
            out << *m;
        else if (problems)
            *problems << QStringLiteral("%1: %2").arg(file, m.error().message);
    }
    std::sort(out.begin(), out.end(), [](const StoredMigration &a, const StoredMigration &b) { return a.createdUtc > b.createdUtc; });
    return out;
}

} // namespace fm::migration
