// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/tableprogressmodel.h"

#include "app/dashboard/migrationviewmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace fm::dashboard {

using S = migration::MigrationStatus;

TableProgressModel::TableProgressModel(QObject *parent) : QAbstractTableModel(parent) {}

void TableProgressModel::setStatus(const S &status)
{
    QList<Row> rows;
    for (const auto &d : status.databases)
        for (const auto &t : d.tables)
            rows.append({d.name, t});
    bool sameShape = rows.size() == m_rows.size();
    for (int i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].database == m_rows[i].database && rows[i].table.name == m_rows[i].table.name;
    if (sameShape) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void TableProgressModel::refreshValidation()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Validation), index(int(m_rows.size()) - 1, Validation));
}

int TableProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const auto &t = r.table;
    auto number = [&](std::optional<qint64> v) -> QVariant {
        if (role == RawRole)
            return v ? QVariant(*v) : QVariant();
        if (role == Qt::DisplayRole)
            return v ? QLocale().toString(*v) : QStringLiteral("—");
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    };
    switch (index.column()) {
    case Database:
        return role == Qt::DisplayRole || role == RawRole ? QVariant(r.database) : QVariant();
    case Table:
        return role == Qt::DisplayRole || role == RawRole ? QVariant(t.name) : QVariant();
    case State:
        if (role == Qt::DisplayRole)
            return t.rawState.isEmpty() ? toString(t.state) : t.rawState;
        if (role == RawRole)
            return toString(t.state);
        if (role == Qt::ForegroundRole && t.state == S::ItemState::Failed)
            return QBrush(QColor(0xb0, 0x20, 0x20));
        return {};
    case Rows:
        if (role == Qt::DisplayRole && t.totalRows && t.counters.fullLoadRows && *t.totalRows > *t.counters.fullLoadRows)
            return QStringLiteral("%1 / %2").arg(QLocale().toString(*t.counters.fullLoadRows), QLocale().toString(*t.totalRows));
        return number(t.counters.fullLoadRows);
    case Bytes:
        if (role == Qt::DisplayRole)
            return t.counters.fullLoadBytes ? MigrationViewModel::formatBytes(*t.counters.fullLoadBytes) : QStringLiteral("—");
        return number(t.counters.fullLoadBytes);
    case Inserts:
        return number(t.counters.cdcInserts);
    case Updates:
        return number(t.counters.cdcUpdates);
    case Deletes:
        return number(t.counters.cdcDeletes);
    case Validation: {
        const std::optional<bool> v = m_lookup ? m_lookup(r.database, t.name) : std::nullopt;
        if (role == RawRole)
            return v ? QVariant(*v) : QVariant();
        if (role == Qt::DisplayRole)
            return !v ? QString() : (*v ? tr("equal") : tr("DIFFERENT"));
        if (role == Qt::BackgroundRole && v)
            return QBrush(*v ? QColor(0xc8, 0xf0, 0xc8) : QColor(0xf8, 0xc0, 0xc0));
        return {};
    }
    default:
        return {};
    }
}

QVariant TableProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Database: return tr("Database");
    case Table: return tr("Table");
    case State: return tr("State");
    case Rows: return tr("Rows");
    case Bytes: return tr("Bytes");
    case Inserts: return tr("Inserts");
    case Updates: return tr("Updates");
    case Deletes: return tr("Deletes");
    case Validation: return tr("Validation");
    default: return {};
    }
}

} // namespace fm::dashboard
