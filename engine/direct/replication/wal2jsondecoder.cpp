// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/wal2jsondecoder.h"

#include <nlohmann/json.hpp>

#include <string>

namespace fm::direct::replication {

namespace {

using json = nlohmann::json;

Error formatError(const QString &what)
{
    Error e = Error::make(ErrorCategory::Postgres, QStringLiteral("Wal2JsonFormat"),
                          QStringLiteral("Unexpected wal2json output from the source: %1.").arg(what));
    e.fix = QStringLiteral("wal2json 2.x with format-version 2 is required; force --change-capture pgoutput if the source can publish.");
    return e;
}

/**
 * A DOM builder for nlohmann's SAX parser that stores every number as its
 * source text: json's own parser would turn numeric(30,20) values into doubles.
 */
class TextNumberSax
{
public:
    json root;

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(std::to_string(v))); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(std::to_string(v))); }
    bool number_float(json::number_float_t, const json::string_t &text) { return put(json(text)); }
    bool string(json::string_t &v) { return put(json(std::move(v))); }
    bool binary(json::binary_t &) { return false; }
    bool start_object(std::size_t)
    {
        return push(json::object());
    }
    bool key(json::string_t &k)
    {
        m_key = std::move(k);
        return true;
    }
    bool end_object() { return pop(); }
    bool start_array(std::size_t) { return push(json::array()); }
    bool end_array() { return pop(); }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &)
    {
        m_errorAt = position;
        return false;
    }
    std::size_t errorAt() const { return m_errorAt; }

private:
    bool put(json v)
    {
        if (m_stack.empty()) {
            root = std::move(v);
            return true;
        }
        json &top = *m_stack.back();
        if (top.is_object())
            top[m_key] = std::move(v);
        else
            top.push_back(std::move(v));
        return true;
    }
    bool push(json v)
    {
        json *slot;
        if (m_stack.empty()) {
            root = std::move(v);
            slot = &root;
        } else {
            json &top = *m_stack.back();
            if (top.is_object()) {
                top[m_key] = std::move(v);
                slot = &top[m_key];
            } else {
                top.push_back(std::move(v));
                slot = &top.back();
            }
        }
        m_stack.push_back(slot);
        return true;
    }
    bool pop()
    {
        if (m_stack.empty())
            return false;
        m_stack.pop_back();
        return true;
    }

    std::vector<json *> m_stack;
    std::string m_key;
    std::size_t m_errorAt = 0;
};

QString str(const json &o, const char *key)
{
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

/** wal2json value -> PostgreSQL text input. */
Value toValue(const json &v, unsigned typeOid)
{
    if (v.is_null())
        return Value::null();
    if (v.is_boolean())
        return Value::fromText(v.get<bool>() ? QByteArrayLiteral("t") : QByteArrayLiteral("f"));
    if (!v.is_string())
        return Value::fromText(QByteArray::fromStdString(v.dump()));
    QByteArray text = QByteArray::fromStdString(v.get<std::string>());
    if (typeOid == 17) // bytea: wal2json prints bare hex digits
        text.prepend("\\x");
    return Value::fromText(std::move(text));
}

bool readColumns(const json &o, const char *key, Tuple &out)
{
    auto it = o.find(key);
    if (it == o.end())
        return true;
    if (!it->is_array())
        return false;
    for (const json &col : *it) {
        if (!col.is_object() || !col.contains("name"))
            return false;
        unsigned oid = 0;
        if (auto t = col.find("typeoid"); t != col.end() && t->is_string()) {
            // Not std::stoul: it throws on non-digits, and no exception may leave decode() (fuzz_changestream).
            bool ok = false;
            oid = QByteArray::fromStdString(t->get<std::string>()).toUInt(&ok);
            if (!ok)
                return false;
        }
        out.add(str(col, "name"), col.contains("value") ? toValue(col["value"], oid) : Value::unchanged());
    }
    return true;
}

} // namespace

QByteArray Wal2JsonDecoder::startOptions() const
{
    return QByteArrayLiteral("(\"format-version\" '2', \"include-xids\" '1', \"include-timestamp\" '1', "
                             "\"include-lsn\" '1', \"include-pk\" '1', \"include-type-oids\" '1')");
}

Expected<void> Wal2JsonDecoder::decode(Lsn walStart, const char *data, int size, std::vector<Change> &out)
{
    TextNumberSax sax;
    bool ok = false;
    try {
        ok = json::sax_parse(data, data + size, &sax);
    } catch (const std::exception &e) {
        return fail(formatError(QString::fromUtf8(e.what())));
    }
    if (!ok || !sax.root.is_object())
        return fail(formatError(QStringLiteral("invalid JSON near byte %1").arg(sax.errorAt())));
    const json &o = sax.root;
    const QString action = str(o, "action");
    Change c;
    c.lsn = walStart;
    if (auto x = o.find("xid"); x != o.end() && x->is_string()) {
        bool xidOk = false; // not std::stoul, which throws outside the try above (found by fuzz_changestream)
        c.xid = QByteArray::fromStdString(x->get<std::string>()).toUInt(&xidOk);
        if (!xidOk)
            return fail(formatError(QStringLiteral("xid is not a transaction id")));
    } else {
        c.xid = m_xid;
    }
    auto lsnField = [&](const char *key) -> Lsn {
        return lsnFromString(str(o, key)).value_or(0);
    };
    auto timestamp = [&] {
        // "2026-11-25 17:24:23.60013+00": ISO with a space and an hour-only offset.
        QString t = str(o, "timestamp");
        t.replace(QLatin1Char(' '), QLatin1Char('T'));
        if (t.size() > 3 && (t[t.size() - 3] == QLatin1Char('+') || t[t.size() - 3] == QLatin1Char('-')))
            t += QStringLiteral(":00");
        return QDateTime::fromString(t, Qt::ISODateWithMs);
    };

    if (action == QLatin1String("B")) {
        c.kind = Change::Kind::Begin;
        m_xid = c.xid;
        c.finalLsn = m_finalLsn = lsnField("lsn");
        c.commitTime = timestamp();
    } else if (action == QLatin1String("C")) {
        c.kind = Change::Kind::Commit;
        c.finalLsn = lsnField("lsn");
        c.endLsn = lsnField("nextlsn");
        c.commitTime = timestamp();
        if (c.endLsn == 0)
            return fail(formatError(QStringLiteral("a commit without nextlsn (include-lsn unsupported?)")));
    } else if (action == QLatin1String("I") || action == QLatin1String("U") || action == QLatin1String("D")) {
        c.kind = action == QLatin1String("I") ? Change::Kind::Insert : action == QLatin1String("U") ? Change::Kind::Update : Change::Kind::Delete;
        c.schema = str(o, "schema");
        c.table = str(o, "table");
        if (auto pk = o.find("pk"); pk != o.end() && pk->is_array())
            for (const json &k : *pk)
                if (k.is_object())
                    c.keyColumns << str(k, "name");
        if (!readColumns(o, "columns", c.newTuple) || !readColumns(o, "identity", c.oldKey))
            return fail(formatError(QStringLiteral("malformed columns in action %1").arg(action)));
        if (c.kind == Change::Kind::Update && c.oldKey.isEmpty()) // key unchanged: it is in the new tuple
            for (int i = 0; i < c.newTuple.columns.size(); ++i)
                if (c.keyColumns.contains(c.newTuple.columns[i]))
                    c.oldKey.add(c.newTuple.columns[i], c.newTuple.values[size_t(i)]);
        if (c.kind != Change::Kind::Insert && c.oldKey.isEmpty())
            return fail(formatError(QStringLiteral("%1 on %2.%3 without identity (the table needs a primary key or REPLICA IDENTITY FULL)")
                                        .arg(action, c.schema, c.table)));
    } else if (action == QLatin1String("T")) {
        c.kind = Change::Kind::Truncate;
        c.schema = str(o, "schema");
        c.table = str(o, "table");
        c.truncated.emplace_back(c.schema, c.table);
    } else if (action == QLatin1String("M")) {
        return {};
    } else {
        return fail(formatError(QStringLiteral("unknown action \"%1\"").arg(action)));
    }
    out.push_back(std::move(c));
    return {};
}

} // namespace fm::direct::replication
