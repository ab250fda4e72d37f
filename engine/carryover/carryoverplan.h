// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fm::carryover {

/**
 * @brief One thing carry-over can do on the target, with the user's consent.
 *
 * The seed says the Azure service moves only data and schema: "server
 * parameters, connection security details, firewall rules, users, roles and
 * permissions must be manually configured in the target" (issue 12). Each of
 * those becomes an item; `selected` is the consent tick. Items that cannot be
 * carried, or that would overwrite something on the target, say why and are
 * not selected by default.
 */
struct CarryOverItem {
    enum class Kind { Role, Membership, Grant, DefaultPrivilege, Ownership, Parameter, FirewallRule };
    enum class State {
        Proposed,     ///< missing or different on the target: carry-over would change it
        Present,      ///< already the same on the target: nothing to do
        Conflict,     ///< exists on the target with other settings: reported, changed only with consent
        NotCarriable, ///< cannot be carried (reason says why)
    };
    /** Roles and grants before the data; ownership after the schema exists (the direct engine's pg_dump runs with --no-owner --no-privileges). */
    enum class Phase { BeforeData, AfterSchema };

    Kind kind = Kind::Role;
    State state = State::Proposed;
    Phase phase = Phase::BeforeData;
    QString key;      ///< stable id ("role:app", "grant:db1:TABLE:public.t:app:SELECT", "parameter:work_mem")
    QString database; ///< for per-database items
    QString title;    ///< one line: what will be done
    QString detail;   ///< why, what differs, what the user should know
    QString reason;   ///< NotCarriable/Conflict: why
    QString sourceValue, targetValue; ///< parameters, role attributes, firewall ranges
    QString name;     ///< role, parameter (target name) or firewall rule name
    QStringList statements; ///< SQL run on the target (role items; parameters on a direct target)
    QString value;    ///< parameters: the value to set; firewall rules: the start address
    QString endValue; ///< firewall rules: the end address
    bool selected = false;
    bool needsPassword = false;   ///< a LOGIN role to create: a password is generated (or typed) and shown once
    bool requiresRestart = false; ///< parameters: only takes effect after a server restart

    bool isActionable() const { return state == State::Proposed || state == State::Conflict; }
    QJsonObject toJson() const;
};

QString kindName(CarryOverItem::Kind kind);
QString stateName(CarryOverItem::State state);

/** @brief Everything carry-over proposes for one source/target pair. */
struct CarryOverPlan {
    QList<CarryOverItem> items;
    /** Plain-language notes shown above the items (user@server login form, passwords, VNet...). */
    QStringList notes;

    CarryOverItem *find(const QString &key);
    const CarryOverItem *find(const QString &key) const;
    /** Ticks (or unticks) one item; false when the key is unknown or the item cannot be carried. */
    bool select(const QString &key, bool on = true);
    QList<CarryOverItem> ofKind(CarryOverItem::Kind kind) const;
    int count(CarryOverItem::State state) const;
    void append(const CarryOverPlan &other);

    QJsonObject toJson() const;
    /** The plan as text for the CLI and the review page: notes, then one line per item with its tick. */
    QString toText() const;
};

} // namespace fm::carryover
