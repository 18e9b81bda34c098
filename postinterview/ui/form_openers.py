"""Opening the application form to add or to edit, from a screen or from text an earlier
session left in it (ui.kept_form); and offering that text back at start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.app import App

from postinterview.domain.contacts import log_contact
from postinterview.domain.days import local_day
from postinterview.domain.editing import same_company
from postinterview.domain.models import Channel
from postinterview.domain.unsaved import (
    ADD,
    CONTACT_LOG,
    EDIT,
    OF_ONE_APPLICATION,
    QUICK_ADD,
    THEN_SCHEDULE,
    UnsavedForm,
    restored_fields,
)
from postinterview.ui.application_fields import describe_company, form_text_of
from postinterview.ui.kept_form import FormKeeper
from postinterview.ui.saving import FormEdit, create_application, save_form_edits
from postinterview.workspace import Stored, Workspace

DuplicateFinder = Callable[[str], list[str]]


def duplicates_of(workspace: Workspace, excluding_id: str = "") -> DuplicateFinder:
    """Describes the applications already made to a company (but `excluding_id`)."""

    def describe(company: str) -> list[str]:
        apps = workspace.applications()
        return [describe_company(app) for app in same_company(apps, company, excluding_id)]

    return describe


def open_add_form(
    app: App[Any],
    workspace: Workspace,
    find_duplicates: DuplicateFinder | None = None,
    restored: UnsavedForm | None = None,
) -> None:
    """The form for a new application (with the text `restored`, if given)."""
    from postinterview.ui.screens.application_form import ApplicationFormScreen

    def save(values: dict[str, Any]) -> str | None:
        outcome = create_application(workspace, values)
        if outcome.stored is not None:
            app.notify(f"Added {outcome.stored.application.company}.")
        return outcome.error or None

    keeper = FormKeeper(
        workspace.unsaved,
        ADD,
        key=restored.key if restored else "",
        opened_with=dict(restored.opened_with) if restored else None,
    )
    form = ApplicationFormScreen(
        save,
        find_duplicates or duplicates_of(workspace),
        local_day(workspace.clock()),
        keeper=keeper,
        restored=restored_fields(restored) if restored else None,
    )
    app.push_screen(form)


def open_edit_form(
    app: App[Any],
    workspace: Workspace,
    stored: Stored,
    find_duplicates: DuplicateFinder | None = None,
    restored: UnsavedForm | None = None,
) -> None:
    """The form editing `stored` (with the fields changed in `restored`, if given)."""
    from postinterview.ui.screens.application_form import ApplicationFormScreen

    application = stored.application
    edit = FormEdit(application)

    def save(values: dict[str, Any]) -> str | None:
        problem = save_form_edits(workspace, edit, values)
        if problem is None:
            app.notify("Saved.")
        return problem

    now_shows = edit_form_text(stored)
    keeper = FormKeeper(
        workspace.unsaved,
        EDIT,
        key=restored.key if restored else "",
        app_id=application.id,
        opened_with=now_shows if restored else None,
    )
    form = ApplicationFormScreen(
        save,
        find_duplicates or duplicates_of(workspace, application.id),
        local_day(workspace.clock()),
        application,
        keeper=keeper,
        restored=restored_fields(restored, now_shows) if restored else None,
    )
    app.push_screen(form)


def open_contact_log(
    app: App[Any], workspace: Workspace, stored: Stored, restored: UnsavedForm | None = None
) -> None:
    """The form logging a contact for `stored` (with the text `restored`, if given)."""
    from postinterview.ui.screens.contact_log_form import ContactLogFormScreen
    from postinterview.ui.screens.workspace_screen import notify_outcome

    app_id = stored.application.id

    def log(at: datetime, channel: Channel, with_whom: str, note: str) -> str | None:
        outcome = workspace.update(
            app_id, lambda a: log_contact(a, at, note, channel, with_whom, now=workspace.clock())
        )
        notify_outcome(app.screen, outcome)
        return outcome.error or None

    company = stored.application.company
    keeper = FormKeeper(
        workspace.unsaved,
        CONTACT_LOG,
        key=restored.key if restored else "",
        app_id=app_id,
        about=company,
        opened_with=dict(restored.opened_with) if restored else None,
    )
    restored_text = restored_fields(restored) if restored else None
    form = ContactLogFormScreen(company, workspace.clock(), log, keeper, restored_text)
    app.push_screen(form)


def edit_form_text(stored: Stored) -> dict[str, str]:
    """What the edit form shows for `stored`, choices by their values."""
    application = stored.application
    text = form_text_of(application)
    text["source"] = application.source.value if application.source else ""
    size = application.company_size
    text["company_size"] = size.value if size else ""
    return text


def restore(app: App[Any], workspace: Workspace, unsaved: UnsavedForm) -> None:
    """Open the form `unsaved` came from, holding its text."""
    one = unsaved.form in OF_ONE_APPLICATION
    stored = workspace.records.get(unsaved.app_id) if one else None
    if unsaved.form == CONTACT_LOG:
        if stored is not None:
            open_contact_log(app, workspace, stored, restored=unsaved)
        else:
            app.notify(
                "That application is no longer in your list (D lists the deleted ones): put "
                "it back to log the contact, or discard the text.",
                severity="warning",
                timeout=10,
            )
    elif stored is not None:
        open_edit_form(app, workspace, stored, restored=unsaved)
    elif unsaved.form == QUICK_ADD:
        from postinterview.ui import navigation
        from postinterview.ui.screens.quick_application import add_and_record

        def then(choice: tuple[str, str]) -> None:
            if unsaved.then == THEN_SCHEDULE:
                navigation.schedule_interview(app, workspace, choice[0])
            else:
                navigation.open_interview(app, workspace, *choice)

        record = unsaved.then != THEN_SCHEDULE
        add_and_record(app, workspace, "", then, record=record, restored=unsaved)
    else:  # an add, or an edit of an application gone since: added again
        if unsaved.form == EDIT:
            unsaved = _as_add(unsaved)
        open_add_form(app, workspace, restored=unsaved)


def _as_add(unsaved: UnsavedForm) -> UnsavedForm:
    """An edit whose application is gone, as an add of everything it held."""
    from dataclasses import replace

    return replace(unsaved, form=ADD, app_id="", opened_with={})
