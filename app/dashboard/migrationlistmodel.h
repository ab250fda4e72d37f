// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationstatus.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>

namespace fm::dashboard {

/**
 * @brief The migrations list (issue 7): name, backend, state, substate and age
 * of every migration the app knows, newest first. Fed by the composition root
 * from MigrationManager (migrationAdded/migrationRemoved/statusChanged) or
 * from backends directly; it only keeps each row's last status.
 */
class MigrationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Backend, State, SubState, Age, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit MigrationListModel(QObject *parent = nullptr);

    /** Adds (or replaces) a row; rows are kept newest created first. */
    void addMigration(const QString &id, const migration::MigrationStatus &status, const QDateTime &createdUtc, const QString &name = {});
    void updateStatus(const QString &id, const migration::MigrationStatus &status);
    void removeMigration(const QString &id);
    int rowOf(const QString &id) const;
    QString idAt(int row) const;
    migration::MigrationStatus statusAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString ageText(const QDateTime &since, const QDateTime &now);

private:
    struct Row {
        QString id;
        QString name;
        migration::MigrationStatus status;
        QDateTime created;
    };
    QList<Row> m_rows;
    QTimer m_ageTimer;
};

} // namespace fm::dashboard
