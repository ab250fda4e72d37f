// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace fm::app {

/**
 * @brief Installs the translation for @p locale (default: the system locale).
 *
 * FlexMigrate's own strings come from the .qm files embedded under :/i18n
 * (cmake/Packaging.cmake, qt_add_translations); Qt's standard strings (QWizard's
 * Back/Next, dialog buttons) from Qt's installed qtbase_*.qm when present.
 * English is the source language, so an English or unknown locale installs
 * nothing. Returns the language of the loaded translation ("de", "ja") or an
 * empty string.
 */
QString installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

/**
 * @brief Window icon and desktop file name, so the shell matches windows to the
 * .desktop entry; then applyColorScheme($FLEXMIGRATE_COLOR_SCHEME).
 */
void applyDesktopIdentity();

/** @brief "dark": the Fusion style with a dark palette; anything else keeps the platform's look. */
void applyColorScheme(const QString &scheme);

} // namespace fm::app
