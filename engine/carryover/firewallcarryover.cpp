// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/carryover/firewallcarryover.h"

#include "engine/core/logging.h"

#include <QPointer>

#include <memory>

namespace fm::carryover {

CarryOverPlan planFirewallRules(const QList<arm::FirewallRule> &source, const QList<arm::FirewallRule> &target, const arm::FlexibleServer *targetServer)
{
    using Item = CarryOverItem;
    CarryOverPlan plan;
    QString noRules;
    if (targetServer && targetServer->isPrivateAccess())
        noRules = QStringLiteral("The target server is VNet-integrated (private access through subnet %1): firewall rules do not apply to it; access is "
                                 "controlled by the virtual network (network security groups, peering, private DNS). The source's rules are listed, not carried.")
                      .arg(targetServer->delegatedSubnetResourceId);
    else if (targetServer && targetServer->publicNetworkAccess.compare(QLatin1String("Disabled"), Qt::CaseInsensitive) == 0)
        noRules = QStringLiteral("The target server has public network access disabled: firewall rules do not apply to it. The source's rules are listed, not carried.");
    if (!noRules.isEmpty())
        plan.notes << noRules;
    for (const auto &r : source) {
        Item item;
        item.kind = Item::Kind::FirewallRule;
        item.key = QStringLiteral("firewall:") + r.name;
        item.name = r.name;
        item.value = r.startIpAddress;
        item.endValue = r.endIpAddress;
        item.sourceValue = r.startIpAddress + QStringLiteral(" - ") + r.endIpAddress;
        item.title = QStringLiteral("firewall rule %1: %2").arg(r.name, item.sourceValue);
        if (r.startIpAddress == QLatin1String("0.0.0.0") && r.endIpAddress == QLatin1String("0.0.0.0"))
            item.detail = QStringLiteral("0.0.0.0 - 0.0.0.0 means \"allow access from Azure services\" (azure-api.md §3).");
        if (!noRules.isEmpty()) {
            item.state = Item::State::NotCarriable;
            item.reason = targetServer->isPrivateAccess() ? QStringLiteral("the target is VNet-integrated; firewall rules do not apply.")
                                                          : QStringLiteral("the target has public network access disabled.");
            plan.items << item;
            continue;
        }
        const arm::FirewallRule *sameName = nullptr;
        bool sameRange = false;
        for (const auto &t : target) {
            if (t.name.compare(r.name, Qt::CaseInsensitive) == 0)
                sameName = &t;
            if (t.startIpAddress == r.startIpAddress && t.endIpAddress == r.endIpAddress)
                sameRange = true;
        }
        if (sameName && sameName->startIpAddress == r.startIpAddress && sameName->endIpAddress == r.endIpAddress) {
            item.state = Item::State::Present;
        } else if (sameName) {
            item.state = Item::State::Conflict;
            item.targetValue = sameName->startIpAddress + QStringLiteral(" - ") + sameName->endIpAddress;
            item.reason = QStringLiteral("the target has a rule %1 for %2; tick it to replace that range with the source's.").arg(r.name, item.targetValue);
        } else if (sameRange) {
            item.state = Item::State::Present;
            item.detail = QStringLiteral("The target allows this range under another rule name.");
        } else {
            item.state = Item::State::Proposed;
            item.selected = true;
        }
        plan.items << item;
    }
    return plan;
}

namespace {
struct ArmApplyState {
    QList<CarryOverItem> todo;
    QList<ItemOutcome> outcomes;
    std::function<void(QList<ItemOutcome>)> done;
    std::function<void()> next;
};
} // namespace

void applyWithArm(const arm::ServerResourcesClient &client, const arm::ResourceId &server, const CarryOverPlan &plan, QObject *context,
                  std::function<void(QList<ItemOutcome>)> done)
{
    auto state = std::make_shared<ArmApplyState>();
    for (const auto &i : plan.items)
        if ((i.kind == CarryOverItem::Kind::Parameter || i.kind == CarryOverItem::Kind::FirewallRule) && i.selected && i.isActionable())
            state->todo << i;
    state->done = std::move(done);
    const arm::ServerResourcesClient *c = &client;
    std::weak_ptr<ArmApplyState> weak = state;
    state->next = [weak, c, server, context]() {
        auto s = weak.lock();
        if (!s)
            return;
        if (s->todo.isEmpty()) {
            auto done = std::move(s->done);
            auto outcomes = s->outcomes;
            done(outcomes);
            return;
        }
        const CarryOverItem item = s->todo.takeFirst();
        auto record = [s, key = item.key](std::optional<Error> e, QString ok) {
            s->outcomes << ItemOutcome{key, !e, e ? e->toDisplayString() : ok};
            if (e)
                logging::get("engine.carryover")->warn("carry-over item {} failed: {}", key, e->toDisplayString());
            else
                logging::get("engine.carryover")->info("carry-over applied {}", key);
            s->next();
        };
        if (item.kind == CarryOverItem::Kind::Parameter) {
            const bool restart = item.requiresRestart;
            c->setConfiguration(server, item.name, item.value, context, [record, restart](Expected<arm::ServerConfiguration> r) {
                record(r ? std::nullopt : std::optional<Error>(r.error()),
                       restart ? QStringLiteral("set to %1; takes effect after the server restarts").arg(r ? r->value : QString())
                               : QStringLiteral("set to %1").arg(r ? r->value : QString()));
            });
        } else {
            c->createOrUpdateFirewallRule(server, item.name, item.value, item.endValue, context, [record](Expected<arm::FirewallRule> r) {
                record(r ? std::nullopt : std::optional<Error>(r.error()),
                       r ? QStringLiteral("%1 - %2").arg(r->startIpAddress, r->endIpAddress) : QString());
            });
        }
    };
    // The state lives in the callbacks it hands out; this local keeps it alive until the first one.
    auto keep = state;
    keep->next();
}

} // namespace fm::carryover
