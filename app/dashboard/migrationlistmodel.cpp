// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/migrationlistmodel.h"

#include <QBrush>
#include <QColor>

namespace fm::dashboard {

using S = migration::MigrationStatus;

MigrationListModel::MigrationListModel(QObject *parent) : QAbstractTableModel(parent)
{
    // Ages move on their own; a slow repaint of that column is enough.
    m_ageTimer.setInterval(5000);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, Age), index(int(m_rows.size()) - 1, Age));
    });
    m_ageTimer.start();
}

void MigrationListModel::addMigration(const QString &id, const S &status, const QDateTime &createdUtc, const QString &name)
{
    removeMigration(id);
    const QDateTime created = createdUtc.isValid() ? createdUtc : QDateTime::currentDateTimeUtc();
    // Newest first by creation time, whatever order they arrive in (reattachAll reports the store's order).
    int at = 0;
    while (at < m_rows.size() && m_rows[at].created > created)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, {id, name, status, created});
    endInsertRows();
}

void MigrationListModel::updateStatus(const QString &id, const S &status)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[r].status = status;
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void MigrationListModel::removeMigration(const QString &id)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    beginRemoveRows({}, r, r);
    m_rows.removeAt(r);
    endRemoveRows();
}

int MigrationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

QString MigrationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString();
}

S MigrationListModel::statusAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].status : S{};
}

int MigrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationListModel::ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 s = std::max<qint64>(0, since.secsTo(now));
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    if (role == IdRole)
        return r.id;
    const S &status = r.status;
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (status.state == S::State::Failed || status.state == S::State::ValidationFailed)
            return QBrush(QColor(0xb0, 0x20, 0x20));
        if (status.state == S::State::Succeeded)
            return QBrush(QColor(0x20, 0x80, 0x20));
        if (status.state == S::State::WaitingForUser)
            return QBrush(QColor(0xa0, 0x60, 0x00));
        return {};
    }
    if (role == Qt::ToolTipRole)
        return r.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return !status.migrationName.isEmpty() ? status.migrationName : (!r.name.isEmpty() ? r.name : r.id);
    case Backend:
        return status.backend;
    case State:
        return status.state == S::State::Unknown && !status.rawState.isEmpty() ? status.rawState : toString(status.state);
    case SubState:
        if (status.subState == S::SubState::None)
            return QString();
        return status.subState == S::SubState::Unknown && !status.rawSubState.isEmpty() ? status.rawSubState : toString(status.subState);
    case Age:
        return ageText(r.created, QDateTime::currentDateTimeUtc());
    default:
        return {};
    }
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Migration");
    case Backend: return tr("Backend");
    case State: return tr("State");
    case SubState: return tr("Substate");
    case Age: return tr("Age");
    default: return {};
    }
}

} // namespace fm::dashboard
