// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationstatus.h"

#include "engine/core/numeric.h"

#include <algorithm>
#include <array>

namespace fm::migration {

using nlohmann::json;
using S = MigrationStatus;

namespace {

// Deliberately no engine/arm helpers here: MigrationStatus depends on engine/core only.
const std::array<std::pair<S::State, const char *>, 8> kStates = {{{S::State::Unknown, "Unknown"},
                                                                    {S::State::NotStarted, "NotStarted"},
                                                                    {S::State::InProgress, "InProgress"},
                                                                    {S::State::WaitingForUser, "WaitingForUser"},
                                                                    {S::State::Succeeded, "Succeeded"},
                                                                    {S::State::Failed, "Failed"},
                                                                    {S::State::Canceled, "Canceled"},
                                                                    {S::State::ValidationFailed, "ValidationFailed"}}};
const std::array<std::pair<S::SubState, const char *>, 12> kSubStates = {{{S::SubState::None, "None"},
                                                                          {S::SubState::Unknown, "Unknown"},
                                                                          {S::SubState::Preparing, "Preparing"},
                                                                          {S::SubState::Validating, "Validating"},
                                                                          {S::SubState::WaitingForInput, "WaitingForInput"},
                                                                          {S::SubState::CopyingData, "CopyingData"},
                                                                          {S::SubState::Replicating, "Replicating"},
                                                                          {S::SubState::ReadyForCutover, "ReadyForCutover"},
                                                                          {S::SubState::CuttingOver, "CuttingOver"},
                                                                          {S::SubState::Canceling, "Canceling"},
                                                                          {S::SubState::CleaningUp, "CleaningUp"},
                                                                          {S::SubState::Completed, "Completed"}}};
const std::array<std::pair<S::ItemState, const char *>, 11> kItemStates = {{{S::ItemState::Unknown, "Unknown"},
                                                                            {S::ItemState::Pending, "Pending"},
                                                                            {S::ItemState::Preparing, "Preparing"},
                                                                            {S::ItemState::Copying, "Copying"},
                                                                            {S::ItemState::Replicating, "Replicating"},
                                                                            {S::ItemState::ReadyForCutover, "ReadyForCutover"},
                                                                            {S::ItemState::CuttingOver, "CuttingOver"},
                                                                            {S::ItemState::Succeeded, "Succeeded"},
                                                                            {S::ItemState::Failed, "Failed"},
                                                                            {S::ItemState::Canceling, "Canceling"},
                                                                            {S::ItemState::Canceled, "Canceled"}}};

template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, n] : table)
        if (v == value)
            return QString::fromLatin1(n);
    return QStringLiteral("Unknown");
}

template<typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &name)
{
    for (const auto &[v, n] : table)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

std::string u8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

QString qs(const json &o, const char *key)
{
    if (!o.is_object())
        return {};
    auto it = o.find(key);
    if (it == o.end() || !it->is_string())
        return {};
    const auto &s = it->get_ref<const std::string &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::optional<qint64> qi(const json &o, const char *key)
{
    if (!o.is_object())
        return std::nullopt;
    auto it = o.find(key);
    if (it == o.end() || !it->is_number())
        return std::nullopt;
    return it->is_number_integer() ? std::optional<qint64>(it->get<qint64>()) : wholeNumber(it->get<double>());
}

QDateTime qdt(const json &o, const char *key)
{
    const QString s = qs(o, key);
    if (s.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

void put(json &o, const char *key, const QString &v)
{
    if (!v.isEmpty())
        o[key] = u8(v);
}
void put(json &o, const char *key, const std::optional<qint64> &v)
{
    if (v)
        o[key] = *v;
}
void put(json &o, const char *key, const QDateTime &v)
{
    if (v.isValid())
        o[key] = u8(v.toUTC().toString(Qt::ISODateWithMs));
}

json countersJson(const S::Counters &c)
{
    json o = json::object();
    put(o, "fullLoadRows", c.fullLoadRows);
    put(o, "fullLoadBytes", c.fullLoadBytes);
    put(o, "cdcInserts", c.cdcInserts);
    put(o, "cdcUpdates", c.cdcUpdates);
    put(o, "cdcDeletes", c.cdcDeletes);
    put(o, "appliedChanges", c.appliedChanges);
    put(o, "incomingChanges", c.incomingChanges);
    put(o, "dataErrors", c.dataErrors);
    return o;
}

S::Counters countersFrom(const json &o)
{
    S::Counters c;
    c.fullLoadRows = qi(o, "fullLoadRows");
    c.fullLoadBytes = qi(o, "fullLoadBytes");
    c.cdcInserts = qi(o, "cdcInserts");
    c.cdcUpdates = qi(o, "cdcUpdates");
    c.cdcDeletes = qi(o, "cdcDeletes");
    c.appliedChanges = qi(o, "appliedChanges");
    c.incomingChanges = qi(o, "incomingChanges");
    c.dataErrors = qi(o, "dataErrors");
    return c;
}

json lagJson(const S::Lag &l)
{
    json o = json::object();
    put(o, "bytes", l.bytes);
    put(o, "seconds", l.seconds);
    return o;
}

S::Lag lagFrom(const json &o)
{
    return {qi(o, "bytes"), qi(o, "seconds")};
}

const json &member(const json &o, const char *key)
{
    static const json empty = json::object();
    if (!o.is_object())
        return empty;
    auto it = o.find(key);
    return it == o.end() ? empty : *it;
}

void addTo(std::optional<qint64> &sum, const std::optional<qint64> &v)
{
    if (v)
        sum = sum.value_or(0) + *v;
}

void maxTo(std::optional<qint64> &m, const std::optional<qint64> &v)
{
    if (v)
        m = std::max(m.value_or(*v), *v);
}

} // namespace

QString toString(S::State s)
{
    return nameOf(kStates, s);
}
QString toString(S::SubState s)
{
    return nameOf(kSubStates, s);
}
QString toString(S::ItemState s)
{
    return nameOf(kItemStates, s);
}
std::optional<S::State> stateFromString(const QString &s)
{
    return valueOf(kStates, s);
}
std::optional<S::SubState> subStateFromString(const QString &s)
{
    return valueOf(kSubStates, s);
}
std::optional<S::ItemState> itemStateFromString(const QString &s)
{
    return valueOf(kItemStates, s);
}

std::optional<double> S::DatabaseProgress::fullLoadFraction() const
{
    if (!tablesCompleted)
        return std::nullopt;
    const qint64 all = tablesQueued.value_or(0) + tablesLoading.value_or(0) + *tablesCompleted + tablesErrored.value_or(0);
    if (all == 0)
        return std::nullopt;
    return double(*tablesCompleted) / double(all);
}

bool S::isTerminal() const
{
    return state == State::Succeeded || state == State::Failed || state == State::Canceled || state == State::ValidationFailed;
}

bool S::isReadyForCutover() const
{
    if (databases.isEmpty())
        return subState == SubState::ReadyForCutover;
    return std::all_of(databases.begin(), databases.end(), [](const DatabaseProgress &d) { return d.state == ItemState::ReadyForCutover; });
}

const S::DatabaseProgress *S::database(const QString &name) const
{
    for (const auto &d : databases)
        if (d.name == name)
            return &d;
    return nullptr;
}

void S::recomputeTotals()
{
    totals = {};
    lag = {};
    for (const auto &d : databases) {
        addTo(totals.fullLoadRows, d.counters.fullLoadRows);
        addTo(totals.fullLoadBytes, d.counters.fullLoadBytes);
        addTo(totals.cdcInserts, d.counters.cdcInserts);
        addTo(totals.cdcUpdates, d.counters.cdcUpdates);
        addTo(totals.cdcDeletes, d.counters.cdcDeletes);
        addTo(totals.appliedChanges, d.counters.appliedChanges);
        addTo(totals.incomingChanges, d.counters.incomingChanges);
        addTo(totals.dataErrors, d.counters.dataErrors);
        maxTo(lag.bytes, d.lag.bytes);
        maxTo(lag.seconds, d.lag.seconds);
    }
}

json S::toJson() const
{
    json o = json::object();
    o["backend"] = u8(backend);
    put(o, "migrationName", migrationName);
    o["state"] = u8(toString(state));
    o["subState"] = u8(toString(subState));
    put(o, "rawState", rawState);
    put(o, "rawSubState", rawSubState);
    put(o, "requiredAction", requiredAction);
    put(o, "startedOn", startedOn);
    put(o, "endedOn", endedOn);
    put(o, "observedAt", observedAt);
    o["totals"] = countersJson(totals);
    o["lag"] = lagJson(lag);
    json dbs = json::array();
    for (const auto &d : databases) {
        json j = json::object();
        j["name"] = u8(d.name);
        j["state"] = u8(toString(d.state));
        put(j, "rawState", d.rawState);
        put(j, "tablesQueued", d.tablesQueued);
        put(j, "tablesLoading", d.tablesLoading);
        put(j, "tablesCompleted", d.tablesCompleted);
        put(j, "tablesErrored", d.tablesErrored);
        j["counters"] = countersJson(d.counters);
        j["lag"] = lagJson(d.lag);
        put(j, "startedOn", d.startedOn);
        put(j, "endedOn", d.endedOn);
        put(j, "message", d.message);
        json tables = json::array();
        for (const auto &t : d.tables) {
            json tj = json::object();
            tj["name"] = u8(t.name);
            tj["state"] = u8(toString(t.state));
            put(tj, "rawState", t.rawState);
            put(tj, "totalRows", t.totalRows);
            tj["counters"] = countersJson(t.counters);
            put(tj, "startedOn", t.startedOn);
            put(tj, "endedOn", t.endedOn);
            put(tj, "estimatedFinish", t.estimatedFinish);
            put(tj, "lastModified", t.lastModified);
            tables.push_back(tj);
        }
        j["tables"] = tables;
        dbs.push_back(j);
    }
    o["databases"] = dbs;
    json errs = json::array();
    for (const auto &e : errors) {
        json j = json::object();
        j["message"] = u8(e.message);
        put(j, "code", e.code);
        put(j, "requestId", e.requestId);
        put(j, "database", e.database);
        put(j, "table", e.table);
        put(j, "time", e.time);
        errs.push_back(j);
    }
    o["errors"] = errs;
    return o;
}

Expected<S> S::fromJson(const json &o)
{
    if (!o.is_object())
        return fail(Error::validation(QStringLiteral("InvalidMigrationStatus"), QStringLiteral("A migration status must be a JSON object.")));
    S s;
    s.backend = qs(o, "backend");
    s.migrationName = qs(o, "migrationName");
    s.state = stateFromString(qs(o, "state")).value_or(State::Unknown);
    s.subState = subStateFromString(qs(o, "subState")).value_or(SubState::Unknown);
    s.rawState = qs(o, "rawState");
    s.rawSubState = qs(o, "rawSubState");
    s.requiredAction = qs(o, "requiredAction");
    s.startedOn = qdt(o, "startedOn");
    s.endedOn = qdt(o, "endedOn");
    s.observedAt = qdt(o, "observedAt");
    s.totals = countersFrom(member(o, "totals"));
    s.lag = lagFrom(member(o, "lag"));
    const json &dbs = member(o, "databases");
    if (dbs.is_array())
        for (const auto &j : dbs) {
            if (!j.is_object())
                continue;
            DatabaseProgress d;
            d.name = qs(j, "name");
            d.state = itemStateFromString(qs(j, "state")).value_or(ItemState::Unknown);
            d.rawState = qs(j, "rawState");
            d.tablesQueued = qi(j, "tablesQueued");
            d.tablesLoading = qi(j, "tablesLoading");
            d.tablesCompleted = qi(j, "tablesCompleted");
            d.tablesErrored = qi(j, "tablesErrored");
            d.counters = countersFrom(member(j, "counters"));
            d.lag = lagFrom(member(j, "lag"));
            d.startedOn = qdt(j, "startedOn");
            d.endedOn = qdt(j, "endedOn");
            d.message = qs(j, "message");
            const json &tables = member(j, "tables");
            if (tables.is_array())
                for (const auto &tj : tables) {
                    if (!tj.is_object())
                        continue;
                    TableProgress t;
                    t.name = qs(tj, "name");
                    t.state = itemStateFromString(qs(tj, "state")).value_or(ItemState::Unknown);
                    t.rawState = qs(tj, "rawState");
                    t.totalRows = qi(tj, "totalRows");
                    t.counters = countersFrom(member(tj, "counters"));
                    t.startedOn = qdt(tj, "startedOn");
                    t.endedOn = qdt(tj, "endedOn");
                    t.estimatedFinish = qdt(tj, "estimatedFinish");
                    t.lastModified = qdt(tj, "lastModified");
                    d.tables.append(t);
                }
            s.databases.append(d);
        }
    const json &errs = member(o, "errors");
    if (errs.is_array())
        for (const auto &j : errs)
            if (j.is_object())
                s.errors.append({qs(j, "message"), qs(j, "code"), qs(j, "requestId"), qs(j, "database"), qs(j, "table"), qdt(j, "time")});
    return s;
}

} // namespace fm::migration
