// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/direct/changecapture.h"

namespace fm::direct {

/**
 * @brief Change capture by a native subscription on the target, created on the
 * slot the engine made (create_slot = false, copy_data = false), so the server
 * applies the changes (DESIGN.md step 6, the default where both sides allow it).
 */
class SubscriptionCapture final : public ChangeCapture
{
public:
    explicit SubscriptionCapture(Engine &engine) : m_engine(engine) {}

    /** Why a native subscription is impossible with these servers (empty Error code: possible). */
    static Expected<void> check(const Engine &engine, const pg::Result &sourceRole, const pg::Result &targetRole);

    QString kind() const override { return QStringLiteral("subscription"); }
    Expected<void> start(DbRun &d) override;
    Expected<void> resumeCopy(DbRun &d, pg::Connection &src, const QStringList &unfinished,
                              const std::function<Expected<void>()> &buildPostData) override;
    void poll(DbRun &d, pg::Connection &tgtMon) override;
    Expected<void> stop(DbRun &d, pg::Connection &tgt) override;

    /** DISABLE, detach the slot, DROP; nothing when there is none. Without a cancel token (cleanup). */
    static Expected<void> dropSubscription(pg::Connection &tgt, const QString &name);

private:
    static Expected<bool> subscriptionExists(pg::Connection &tgt, const QString &name, CancelToken *c);

    Engine &m_engine;
};

} // namespace fm::direct
