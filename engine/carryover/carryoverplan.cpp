// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/carryover/carryoverplan.h"

#include <QJsonArray>

namespace fm::carryover {

QString kindName(CarryOverItem::Kind kind)
{
    switch (kind) {
    case CarryOverItem::Kind::Role: return QStringLiteral("role");
    case CarryOverItem::Kind::Membership: return QStringLiteral("membership");
    case CarryOverItem::Kind::Grant: return QStringLiteral("grant");
    case CarryOverItem::Kind::DefaultPrivilege: return QStringLiteral("default-privilege");
    case CarryOverItem::Kind::Ownership: return QStringLiteral("ownership");
    case CarryOverItem::Kind::Parameter: return QStringLiteral("parameter");
    case CarryOverItem::Kind::FirewallRule: return QStringLiteral("firewall-rule");
    }
    return QStringLiteral("unknown");
}

QString stateName(CarryOverItem::State state)
{
    switch (state) {
    case CarryOverItem::State::Proposed: return QStringLiteral("proposed");
    case CarryOverItem::State::Present: return QStringLiteral("present");
    case CarryOverItem::State::Conflict: return QStringLiteral("conflict");
    case CarryOverItem::State::NotCarriable: return QStringLiteral("not-carriable");
    }
    return QStringLiteral("unknown");
}

QJsonObject CarryOverItem::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("phase"), phase == Phase::BeforeData ? QStringLiteral("before-data") : QStringLiteral("after-schema")},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("selected"), selected}};
    if (!database.isEmpty())
        o.insert(QStringLiteral("database"), database);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (!sourceValue.isEmpty() || kind == Kind::Parameter)
        o.insert(QStringLiteral("sourceValue"), sourceValue);
    if (!targetValue.isEmpty() || kind == Kind::Parameter)
        o.insert(QStringLiteral("targetValue"), targetValue);
    if (!statements.isEmpty())
        o.insert(QStringLiteral("statements"), QJsonArray::fromStringList(statements));
    if (needsPassword)
        o.insert(QStringLiteral("needsPassword"), true);
    if (requiresRestart)
        o.insert(QStringLiteral("requiresRestart"), true);
    return o;
}

CarryOverItem *CarryOverPlan::find(const QString &key)
{
    for (auto &i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

const CarryOverItem *CarryOverPlan::find(const QString &key) const
{
    return const_cast<CarryOverPlan *>(this)->find(key);
}

bool CarryOverPlan::select(const QString &key, bool on)
{
    CarryOverItem *i = find(key);
    if (!i || (on && !i->isActionable()))
        return false;
    i->selected = on;
    return true;
}

QList<CarryOverItem> CarryOverPlan::ofKind(CarryOverItem::Kind kind) const
{
    QList<CarryOverItem> out;
    for (const auto &i : items)
        if (i.kind == kind)
            out << i;
    return out;
}

int CarryOverPlan::count(CarryOverItem::State state) const
{
    return int(std::count_if(items.begin(), items.end(), [state](const CarryOverItem &i) { return i.state == state; }));
}

void CarryOverPlan::append(const CarryOverPlan &other)
{
    items += other.items;
    notes += other.notes;
}

QJsonObject CarryOverPlan::toJson() const
{
    QJsonArray arr;
    for (const auto &i : items)
        arr.append(i.toJson());
    return {{QStringLiteral("notes"), QJsonArray::fromStringList(notes)}, {QStringLiteral("items"), arr}};
}

QString CarryOverPlan::toText() const
{
    QString out;
    for (const auto &n : notes)
        out += QStringLiteral("Note: ") + n + QLatin1Char('\n');
    if (!notes.isEmpty())
        out += QLatin1Char('\n');
    int present = 0;
    for (const auto &i : items) {
        if (i.state == CarryOverItem::State::Present) {
            ++present; // same on both sides: counted, not listed
            continue;
        }
        const QString box = i.selected ? QStringLiteral("[x]") : i.isActionable() ? QStringLiteral("[ ]") : QStringLiteral(" - ");
        out += QStringLiteral("%1 %2 %3").arg(box, kindName(i.kind).leftJustified(17), i.title);
        if (i.state != CarryOverItem::State::Proposed)
            out += QStringLiteral("  (%1)").arg(stateName(i.state));
        if (i.requiresRestart)
            out += QStringLiteral("  (restart required)");
        out += QLatin1Char('\n');
        if (!i.reason.isEmpty())
            out += QStringLiteral("      why: ") + i.reason + QLatin1Char('\n');
        if (!i.detail.isEmpty())
            out += QStringLiteral("      ") + i.detail + QLatin1Char('\n');
    }
    if (present > 0)
        out += QStringLiteral("(%1 item(s) already the same on the target; --json lists them.)\n").arg(present);
    if (items.size() == present)
        out += QStringLiteral("Nothing to carry over.\n");
    return out;
}

} // namespace fm::carryover
