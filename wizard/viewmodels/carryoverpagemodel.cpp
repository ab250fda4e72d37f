// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/carryoverpagemodel.h"

#include "engine/carryover/parametercarryover.h"
#include "engine/core/job.h"

namespace fm::ui {

using namespace carryover;

namespace {
struct ApplyResult {
    QList<ItemOutcome> outcomes;
    QMap<QString, Secret> generated;
};
} // namespace

CarryOverPageModel::CarryOverPageModel(QObject *parent) : QObject(parent) {}

CarryOverPageModel::~CarryOverPageModel()
{
    if (m_job) {
        m_job->cancel();
        delete m_job.data(); // ThreadJob stops its worker before it goes
    }
}

void CarryOverPageModel::setServers(const pg::ConnectionParams &source, const pg::ConnectionParams &target, const QStringList &databases,
                                    const RolePlanOptions &options)
{
    m_source = source;
    m_target = target;
    m_databases = databases;
    m_options = options;
    if (m_options.targetHost.isEmpty())
        m_options.targetHost = target.host;
    if (target.isAzureHost())
        m_options.azureTarget = true;
    m_plan = {};
    emit changed();
}

void CarryOverPageModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

void CarryOverPageModel::plan()
{
    if (m_job)
        return;
    setErrorText({});
    const auto source = m_source, target = m_target;
    const auto databases = m_databases;
    const auto options = m_options;
    auto *job = new ThreadJob<CarryOverPlan>([=](CancelToken &cancel) -> Expected<CarryOverPlan> {
        auto s = readRoleCatalog(source, databases, &cancel);
        if (!s)
            return fail(s.error());
        auto t = readRoleCatalog(target, databases, &cancel);
        if (!t)
            return fail(t.error());
        CarryOverPlan plan = planRoles(*s, *t, options);
        auto sp = readPgSettings(source, &cancel);
        if (!sp)
            return fail(sp.error());
        auto tp = readPgSettings(target, &cancel);
        if (!tp)
            return fail(tp.error());
        plan.append(planParameters(*sp, options.singleServerSource ? ServerFlavor::AzureSingleServer : ServerFlavor::PostgreSQL, *tp,
                                   options.azureTarget ? ServerFlavor::AzureFlexibleServer : ServerFlavor::PostgreSQL));
        return plan;
    });
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job->error())
            setErrorText(job->error()->toDisplayString());
        else
            m_plan = job->result();
        job->deleteLater();
        m_job = nullptr;
        emit changed();
        emit planned();
    });
    job->start();
    emit changed();
}

void CarryOverPageModel::addItems(const CarryOverPlan &more)
{
    m_plan.append(more);
    emit changed();
}

bool CarryOverPageModel::setTicked(const QString &key, bool ticked)
{
    const CarryOverItem *item = m_plan.find(key);
    if (!item) {
        setErrorText(QStringLiteral("There is no carry-over item %1.").arg(key));
        return false;
    }
    if (ticked && !item->isActionable()) {
        setErrorText(item->state == CarryOverItem::State::Present ? QStringLiteral("%1 is already the same on the target.").arg(item->title)
                                                                 : QStringLiteral("%1 cannot be carried: %2").arg(item->title, item->reason));
        return false;
    }
    m_plan.select(key, ticked);
    setErrorText({});
    emit changed();
    return true;
}

QStringList CarryOverPageModel::rolesNeedingPassword() const
{
    QStringList out;
    for (const auto &i : m_plan.items)
        if (i.needsPassword && i.selected && i.isActionable())
            out << i.name;
    return out;
}

bool CarryOverPageModel::setPassword(const QString &role, const Secret &password)
{
    if (!rolesNeedingPassword().contains(role)) {
        setErrorText(QStringLiteral("%1 is not a login role that carry-over creates.").arg(role));
        return false;
    }
    if (password.isEmpty())
        m_passwords.remove(role); // back to a generated one
    else
        m_passwords.insert(role, password);
    setErrorText({});
    return true;
}

void CarryOverPageModel::apply(CarryOverItem::Phase phase)
{
    if (m_job)
        return;
    setErrorText({});
    const auto plan = m_plan;
    const auto target = m_target;
    const auto passwords = m_passwords;
    const bool sqlParameters = !m_options.azureTarget && phase == CarryOverItem::Phase::AfterSchema;
    auto *job = new ThreadJob<ApplyResult>([=](CancelToken &cancel) -> Expected<ApplyResult> {
        ApplyResult out;
        auto r = applyRoles(plan, phase, target, passwords, &cancel);
        if (!r)
            return fail(r.error());
        out.outcomes = r->outcomes;
        out.generated = r->generatedPasswords;
        if (sqlParameters) {
            auto p = applyParametersWithSql(plan, target, &cancel);
            if (!p)
                return fail(p.error());
            out.outcomes += *p;
        }
        return out;
    });
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job->error()) {
            setErrorText(job->error()->toDisplayString());
        } else {
            m_outcomes = job->result().outcomes;
            m_generated = job->result().generated;
            int failed = 0;
            for (const auto &o : m_outcomes)
                failed += o.ok ? 0 : 1;
            if (failed > 0)
                setErrorText(QStringLiteral("%1 of %2 item(s) failed; see each item.").arg(failed).arg(m_outcomes.size()));
        }
        job->deleteLater();
        m_job = nullptr;
        emit changed();
        emit applied();
    });
    job->start();
    emit changed();
}

QMap<QString, Secret> CarryOverPageModel::takeGeneratedPasswords()
{
    return std::exchange(m_generated, {});
}

} // namespace fm::ui
