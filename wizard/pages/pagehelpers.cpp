// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/pagehelpers.h"

#include <QColor>
#include <QTreeWidget>

#include <algorithm>

namespace fm::ui::pages {

QLabel *makeMessageLabel(QWidget *parent, const QString &accessibleName)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAccessibleName(accessibleName);
    l->setVisible(false);
    return l;
}

void showMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    label->setAccessibleDescription(text);
    label->setVisible(!text.isEmpty());
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setBuddy(buddy);
    return l;
}

void setTextQuietly(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    const QSignalBlocker block(edit);
    edit->setText(text);
}

void fillPreflight(QTreeWidget *tree, const pg::PreflightReport &report)
{
    tree->clear();
    QList<pg::CheckResult> ordered = report.checks;
    std::stable_sort(ordered.begin(), ordered.end(), [](const pg::CheckResult &a, const pg::CheckResult &b) { return int(a.severity) > int(b.severity); });
    for (const auto &c : ordered) {
        QString tag;
        QColor color;
        switch (c.severity) {
        case pg::Severity::Passed: tag = QObject::tr("✓ passed"); color = QColor(0x2e, 0x7d, 0x32); break;
        case pg::Severity::Info: tag = QObject::tr("ℹ info"); color = QColor(0x15, 0x65, 0xc0); break;
        case pg::Severity::Warning: tag = QObject::tr("⚠ warning"); color = QColor(0xe6, 0x51, 0x00); break;
        case pg::Severity::Error: tag = QObject::tr("✗ error"); color = QColor(0xb0, 0x00, 0x20); break;
        }
        auto *item = new QTreeWidgetItem(tree, {tag, c.title, c.database, c.detail});
        item->setForeground(0, color);
        item->setToolTip(1, c.id);
        if (!c.fix.isEmpty())
            new QTreeWidgetItem(item, {QString(), QObject::tr("Fix"), QString(), c.fix});
        for (const auto &sql : c.fixSql)
            new QTreeWidgetItem(item, {QString(), QObject::tr("SQL"), QString(), sql});
        if (c.severity == pg::Severity::Error || c.severity == pg::Severity::Warning)
            item->setExpanded(true);
    }
    tree->resizeColumnToContents(0);
    tree->resizeColumnToContents(1);
}

} // namespace fm::ui::pages
