// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationstatus.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>

namespace fm::dashboard {

/**
 * @brief The per-table view of one migration (issue 7): every table of every
 * database with its state, rows, bytes, CDC counters and validation result.
 *
 * A new status with the same tables only emits dataChanged (the view keeps
 * its selection and scroll position); a different set of tables resets.
 */
class TableProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Database, Table, State, Rows, Bytes, Inserts, Updates, Deletes, Validation, ColumnCount };
    /** Sort/test role: the raw number or state string behind a cell. */
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit TableProgressModel(QObject *parent = nullptr);

    void setStatus(const migration::MigrationStatus &status);
    void setValidationLookup(std::function<std::optional<bool>(const QString &database, const QString &table)> lookup) { m_lookup = std::move(lookup); }
    /** Validation results changed: repaint that column. */
    void refreshValidation();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString database;
        migration::MigrationStatus::TableProgress table;
    };
    QList<Row> m_rows;
    std::function<std::optional<bool>(const QString &, const QString &)> m_lookup;
};

} // namespace fm::dashboard
