// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/resourceid.h"
#include "engine/arm/serverclients.h"
#include "engine/arm/servertypes.h"
#include "engine/carryover/carryoverplan.h"
#include "engine/carryover/rolecarryover.h"

#include <QObject>

#include <functional>

namespace fm::carryover {

/**
 * @brief The firewall part of the plan: each source rule proposed for the target
 * unless the target already has the same range.
 *
 * A VNet-integrated target (network.delegatedSubnetResourceId, azure-api.md §3)
 * or one with publicNetworkAccess Disabled has no use for firewall rules: the
 * plan says so and every rule is NotCarriable. A target rule with the same
 * name and another range is a Conflict (overwritten only when ticked).
 */
CarryOverPlan planFirewallRules(const QList<arm::FirewallRule> &source, const QList<arm::FirewallRule> &target, const arm::FlexibleServer *targetServer);

/**
 * Applies the ticked Parameter and FirewallRule items through ARM on `server`
 * (configuration PUT / firewall rule PUT, each a long-running operation followed
 * to its end), one after the other; `done` gets one outcome per item. The
 * client must outlive the operation; `context` ends it early when destroyed.
 */
void applyWithArm(const arm::ServerResourcesClient &client, const arm::ResourceId &server, const CarryOverPlan &plan, QObject *context,
                  std::function<void(QList<ItemOutcome>)> done);

} // namespace fm::carryover
