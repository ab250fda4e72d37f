// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

namespace fm::ui {

class WizardModel;

/** One source database as the page lists it. */
struct DatabaseRow {
    QString name;
    qint64 sizeBytes = -1;
    int tables = 0;
    /** Pre-flight findings for this database (warnings and errors: no primary key, large objects, extensions...). */
    QStringList warnings;
    bool existsOnTarget = false;
    bool selected = false;
};

/** One migration of a split selection. */
struct SplitPart {
    QString name;
    QStringList databases;
};

/**
 * @brief Databases page: the source's user databases (from the source page's
 * inspection) with size, tables and pre-flight warnings. Azure backends take
 * at most eight per migration (azure-api.md §9.2): the ninth is refused with a
 * message and offerSplit() becomes true; acceptSplit(true) allows more and
 * splitPlan() lists the numbered migrations (MigrationSpec::split). Databases
 * that already exist on the target need confirmOverwrite(true).
 */
class DatabasesPageModel : public QObject
{
    Q_OBJECT
public:
    explicit DatabasesPageModel(WizardModel *wizard, QObject *parent = nullptr);

    /** Rebuilds the rows from the inspected servers; keeps the spec's selection where the databases still exist. */
    void refresh();
    const QList<DatabaseRow> &rows() const { return m_rows; }
    QStringList selected() const;
    /** False (and errorText() says why) when refused: unknown database, or the ninth for an Azure backend. */
    bool setSelected(const QString &name, bool selected);
    /** 8 for the Azure backends; 0 (no limit) for the direct backend. */
    int maxDatabases() const;

    bool offerSplit() const { return m_offerSplit; }
    bool splitAccepted() const { return m_splitAccepted; }
    void acceptSplit(bool accept);
    /** The migrations the selection becomes: one part when it fits. Names are numbered from the spec's name. */
    QList<SplitPart> splitPlan() const;

    /** Selected databases that already exist on the target. */
    QStringList overwriteNeeded() const;
    bool overwriteConfirmed() const { return m_overwriteConfirmed; }
    void confirmOverwrite(bool confirm);

    QString errorText() const { return m_errorText; }
    bool isBusy() const { return false; }
    /** What still keeps the page from completing; empty when complete. */
    QString incompleteReason() const;
    bool isComplete() const { return incompleteReason().isEmpty(); }

signals:
    void changed();
    void errorTextChanged(const QString &text);

private:
    void writeSpec();
    void setErrorText(const QString &text);

    WizardModel *m_wizard;
    QList<DatabaseRow> m_rows;
    bool m_offerSplit = false;
    bool m_splitAccepted = false;
    bool m_overwriteConfirmed = false;
    QString m_errorText;
};

} // namespace fm::ui
