// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/databasespagemodel.h"

#include "engine/pg/preflight.h"
#include "wizard/viewmodels/wizardmodel.h"

namespace fm::ui {

namespace {

// Never offered: templates and Azure's own databases (MigrationSpec::validate refuses them too).
const QStringList kSystemDatabases = {QStringLiteral("azure_maintenance"), QStringLiteral("azure_sys"), QStringLiteral("template0"),
                                      QStringLiteral("template1")};

pg::BackendKind pgBackend(migration::Backend b)
{
    switch (b) {
    case migration::Backend::Service: return pg::BackendKind::Service;
    case migration::Backend::Dms: return pg::BackendKind::Dms;
    case migration::Backend::Direct: return pg::BackendKind::Direct;
    }
    return pg::BackendKind::Direct;
}

} // namespace

DatabasesPageModel::DatabasesPageModel(WizardModel *wizard, QObject *parent) : QObject(parent), m_wizard(wizard)
{
    connect(wizard, &WizardModel::sourceChanged, this, &DatabasesPageModel::refresh);
    connect(wizard, &WizardModel::targetChanged, this, &DatabasesPageModel::refresh);
    connect(wizard, &WizardModel::backendChanged, this, &DatabasesPageModel::refresh);
    connect(wizard, &WizardModel::specReplaced, this, &DatabasesPageModel::refresh);
    m_overwriteConfirmed = wizard->spec().options.overwriteTargetDatabases;
    refresh();
}

void DatabasesPageModel::refresh()
{
    const QStringList wanted = m_wizard->spec().databases;
    m_rows.clear();
    const auto &source = m_wizard->sourceInfo();
    if (source) {
        // Pre-flight over every listed database, so each row shows its own findings.
        QStringList all;
        for (const auto &db : source->databases)
            if (db.allowConnections && !kSystemDatabases.contains(db.name))
                all << db.name;
        pg::PreflightInput in;
        in.source = &*source;
        in.target = m_wizard->targetInfo() ? &*m_wizard->targetInfo() : nullptr;
        in.databases = all;
        in.backend = pgBackend(m_wizard->spec().backend);
        in.serviceSetsUpReplication = m_wizard->spec().options.setupLogicalReplication;
        const auto report = pg::runPreflight(in);
        for (const auto &db : source->databases) {
            if (!all.contains(db.name))
                continue;
            DatabaseRow r;
            r.name = db.name;
            r.sizeBytes = db.sizeBytes;
            r.tables = db.tableCount();
            for (const auto &c : report.checks)
                if (c.database == db.name && (c.severity == pg::Severity::Warning || c.severity == pg::Severity::Error))
                    r.warnings << c.detail;
            r.existsOnTarget = m_wizard->targetInfo() && m_wizard->targetInfo()->database(db.name) != nullptr;
            r.selected = wanted.contains(db.name);
            m_rows << r;
        }
    }
    m_offerSplit = maxDatabases() > 0 && selected().size() > maxDatabases();
    // Before the source is inspected there is nothing to choose from: keep the spec's (a draft's) selection.
    if (source)
        writeSpec();
    emit changed();
}

QStringList DatabasesPageModel::selected() const
{
    QStringList out;
    for (const auto &r : m_rows)
        if (r.selected)
            out << r.name;
    return out;
}

int DatabasesPageModel::maxDatabases() const
{
    return m_wizard->isAzureBackend() ? pg::kMaxDatabasesPerAzureMigration : 0;
}

bool DatabasesPageModel::setSelected(const QString &name, bool selected)
{
    auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const DatabaseRow &r) { return r.name == name; });
    if (it == m_rows.end()) {
        setErrorText(tr("The source has no database \"%1\".").arg(name));
        return false;
    }
    if (it->selected == selected)
        return true;
    const int max = maxDatabases();
    if (selected && max > 0 && !m_splitAccepted && this->selected().size() >= max) {
        // The ninth is refused (azure-api.md §9.2), and splitting is offered instead.
        m_offerSplit = true;
        setErrorText(tr("An Azure migration takes at most %1 databases; \"%2\" was not added. "
                        "Split the selection into several migrations to migrate more.")
                         .arg(max)
                         .arg(name));
        emit changed();
        return false;
    }
    it->selected = selected;
    setErrorText({});
    if (max > 0 && this->selected().size() <= max && !m_splitAccepted)
        m_offerSplit = false;
    writeSpec();
    emit changed();
    return true;
}

void DatabasesPageModel::acceptSplit(bool accept)
{
    m_splitAccepted = accept;
    if (!accept && maxDatabases() > 0 && selected().size() > maxDatabases()) {
        // Going back to one migration drops the databases beyond the limit, last selected first.
        int keep = maxDatabases();
        for (auto &r : m_rows)
            if (r.selected && keep-- <= 0)
                r.selected = false;
    }
    if (accept)
        setErrorText({});
    writeSpec();
    emit changed();
}

QList<SplitPart> DatabasesPageModel::splitPlan() const
{
    migration::MigrationSpec spec = m_wizard->spec();
    if (spec.name.trimmed().isEmpty())
        spec.name = QStringLiteral("migration");
    QList<SplitPart> out;
    for (const auto &part : spec.split(maxDatabases() > 0 ? maxDatabases() : int(spec.databases.size())))
        out << SplitPart{part.name, part.databases};
    return out;
}

QStringList DatabasesPageModel::overwriteNeeded() const
{
    QStringList out;
    for (const auto &r : m_rows)
        if (r.selected && r.existsOnTarget)
            out << r.name;
    return out;
}

void DatabasesPageModel::confirmOverwrite(bool confirm)
{
    m_overwriteConfirmed = confirm;
    writeSpec();
    emit changed();
}

QString DatabasesPageModel::incompleteReason() const
{
    if (m_rows.isEmpty())
        return tr("Test the connection to the source server first: its databases are listed from there.");
    const QStringList sel = selected();
    if (sel.isEmpty())
        return tr("Select at least one database.");
    if (maxDatabases() > 0 && sel.size() > maxDatabases() && !m_splitAccepted)
        return tr("%1 databases are selected; an Azure migration takes at most %2.").arg(sel.size()).arg(maxDatabases());
    const QStringList existing = overwriteNeeded();
    if (!existing.isEmpty() && !m_overwriteConfirmed)
        return tr("These databases already exist on the target and would be overwritten: %1. Confirm the overwrite or deselect them.")
            .arg(existing.join(QStringLiteral(", ")));
    return {};
}

void DatabasesPageModel::writeSpec()
{
    m_wizard->spec().databases = selected();
    // Databases that really exist on the target take an explicit confirmation; otherwise the options page decides.
    if (!overwriteNeeded().isEmpty())
        m_wizard->spec().options.overwriteTargetDatabases = m_overwriteConfirmed;
}

void DatabasesPageModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

} // namespace fm::ui
