// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/pg/preflight.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QString>

class QTreeWidget;

namespace fm::ui::pages {

/**
 * An inline message under a control: the view-model's text (validation or
 * error), red for problems, hidden while empty. Selectable so users can copy
 * an ARM request id. Its accessible name says which control it belongs to.
 */
QLabel *makeMessageLabel(QWidget *parent, const QString &accessibleName);
/** Shows `text` (hidden when empty); `error` selects the problem colour. */
void showMessage(QLabel *label, const QString &text, bool error = true);
/** A form label with a mnemonic that moves focus to `buddy` (keyboard-only use, issue 6). */
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent);
/** Writes a model value back into an edit without re-entering the model (cursor kept when unchanged). */
void setTextQuietly(QLineEdit *edit, const QString &text);
/** The pre-flight checks, errors first, each with its fix (and fix SQL) as children. */
void fillPreflight(QTreeWidget *tree, const pg::PreflightReport &report);

} // namespace fm::ui::pages
