// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/jsonutil.h"

#include "engine/core/numeric.h"

#include <QTimeZone>

namespace fm::arm::jsonutil {

namespace {
bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (std::tolower(x) != std::tolower(y))
            return false;
    }
    return true;
}
} // namespace

Expected<json> parse(const QByteArray &text, const QString &what)
{
    try {
        return json::parse(text.constData(), text.constData() + text.size());
    } catch (const json::parse_error &e) {
        // Byte offset -> line/column, so a hand-edited properties file can be fixed.
        const qsizetype offset = qBound<qsizetype>(0, qsizetype(e.byte) - 1, text.size());
        const QByteArray before = text.left(offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
        Error err = Error::validation(QStringLiteral("InvalidJson"),
                                      QStringLiteral("%1 is not valid JSON (line %2, column %3).").arg(what).arg(line).arg(column),
                                      QStringLiteral("Check for a missing comma or quote near that position."));
        err.details = QString::fromUtf8(e.what());
        return fail(err);
    } catch (const std::exception &e) {
        return fail(Error::validation(QStringLiteral("InvalidJson"), QStringLiteral("%1 is not valid JSON: %2").arg(what, QString::fromUtf8(e.what()))));
    }
}

const json *find(const json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    if (auto it = object.find(std::string(key)); it != object.end())
        return &*it;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (iequals(it.key(), key))
            return &it.value();
    return nullptr;
}

const json *findAny(const json &object, std::initializer_list<std::string_view> keys)
{
    for (auto k : keys)
        if (const json *v = find(object, k))
            return v;
    return nullptr;
}

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string toStd(const QString &s)
{
    const QByteArray u = s.toUtf8();
    return std::string(u.constData(), size_t(u.size()));
}

QString string(const json &object, std::string_view key)
{
    const json *v = find(object, key);
    if (!v || v->is_null())
        return {};
    if (v->is_string())
        return toQString(v->get_ref<const std::string &>());
    if (v->is_boolean())
        return v->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (v->is_number_integer())
        return QString::number(v->get<qint64>());
    if (v->is_number())
        return QString::number(v->get<double>());
    return {};
}

std::optional<qint64> integer(const json &object, std::string_view key)
{
    const json *v = find(object, key);
    if (!v)
        return std::nullopt;
    if (v->is_number_integer())
        return v->get<qint64>();
    if (v->is_number_float())
        return wholeNumber(v->get<double>());
    if (v->is_string()) {
        bool ok = false;
        const qint64 n = toQString(v->get_ref<const std::string &>()).trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

std::optional<bool> flagValue(const json &v)
{
    if (v.is_boolean())
        return v.get<bool>();
    if (v.is_string()) {
        const QString s = toQString(v.get_ref<const std::string &>()).trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

std::optional<bool> flag(const json &object, std::string_view key)
{
    const json *v = find(object, key);
    return v ? flagValue(*v) : std::nullopt;
}

QStringList strings(const json &object, std::string_view key)
{
    QStringList out;
    const json *v = find(object, key);
    if (!v || !v->is_array())
        return out;
    for (const auto &e : *v)
        if (e.is_string())
            out << toQString(e.get_ref<const std::string &>());
    return out;
}

QDateTime parseDateTime(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    // Qt 6.4 reads at most milliseconds; ARM writes up to 7 fractional digits.
    const qsizetype dot = t.indexOf(QLatin1Char('.'), t.indexOf(QLatin1Char('T')));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        QString frac = t.mid(dot + 1, end - dot - 1).left(3);
        while (frac.size() < 3)
            frac += QLatin1Char('0');
        t = t.left(dot + 1) + frac + t.mid(end);
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // ARM times without an offset are UTC
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QDateTime dateTime(const json &object, std::string_view key)
{
    return parseDateTime(string(object, key));
}

QString formatDateTime(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

json toJson(const QStringList &list)
{
    json a = json::array();
    for (const auto &s : list)
        a.push_back(toStd(s));
    return a;
}

} // namespace fm::arm::jsonutil
