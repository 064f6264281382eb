"""Classes of the persistence, scheduled-job and delete findings the hold-out guard showed in session 31 (the
guard's EXTRA lines of hbank's update script, packer-builds' sudoers drop-in, OpenFamily's restore and Client
Pix's rollback), each as its minimal construct next to near-misses that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

from shipgate.preflight.confirmed_restores import restore_script

SCHEDULED = "preflight.scheduled_job"
PERSISTENCE = "preflight.persistence"
DELETE = "preflight.destructive_delete"

# -- A: a restart of a timer the target already has installs no job ---------------------------------------------------


def test_a_a_timer_restarted_by_an_update_is_no_new_job() -> None:
    # hbank's system/update.sh: git pull, then the product's existing timers restarted
    assert (
        in_script(SCHEDULED, "git pull", "systemctl restart app-backup.timer", "systemctl restart app-plans.timer")
        == []
    )


def test_a_a_timer_enabled_or_started_is_still_a_job() -> None:
    assert in_script(SCHEDULED, "systemctl enable app-backup.timer") == [3]
    assert in_script(SCHEDULED, "systemctl start app-backup.timer") == [3]
    assert in_script(SCHEDULED, "systemctl enable --now app-backup.timer") == [3]


def test_a_a_restart_beside_the_enable_is_one_job_at_the_enable() -> None:
    # holdout205's Justfile: the timer copied in, restarted, then enabled
    lines = ("cp systemd/fw.timer /lib/systemd/system", "systemctl restart fw.timer", "systemctl enable fw.timer")
    assert in_script(SCHEDULED, *lines) == [5]


# -- B: a sudoers drop-in moved into place and then edited is one grant ------------------------------------------------


def test_b_sed_of_the_drop_in_just_moved_into_place_is_the_same_change() -> None:
    lines = (
        'user="pi"',
        "mv /etc/sudoers.d/010_pi-nopasswd /etc/sudoers.d/010_$user-nopasswd",
        'sed -i "s/pi/$user/g" /etc/sudoers.d/010_$user-nopasswd',
    )
    assert in_script(PERSISTENCE, *lines) == [4]


def test_b_copy_then_append_to_a_profile_is_one_change() -> None:
    lines = ("cp skel/bashrc /root/.bashrc", "echo 'export PATH=/opt/app/bin:$PATH' >> /root/.bashrc")
    assert in_script(PERSISTENCE, *lines) == [3]


def test_b_an_edit_of_a_drop_in_the_script_did_not_write_is_still_reported() -> None:
    assert in_script(PERSISTENCE, "sed -i 's/^#%sudo/%sudo/' /etc/sudoers.d/010_pi-nopasswd") == [3]


def test_b_two_appends_of_their_own_are_still_two_changes() -> None:
    lines = ("echo 'export PATH=/opt/app/bin:$PATH' >> /root/.bashrc", "echo 'eval \"$(app init)\"' >> /root/.bashrc")
    assert in_script(PERSISTENCE, *lines) == [3, 4]


def test_b_a_different_edit_after_an_edit_is_still_its_own_change() -> None:
    lines = ("sed -i 's/a/b/' /etc/sudoers.d/app", "sed -i 's/c/d/' /etc/sudoers.d/app")
    assert in_script(PERSISTENCE, *lines) == [3, 4]


# -- C: a restore's drop of what it restores, after the operator confirmed --------------------------------------------

_ASKED = (
    'echo "This will replace current data with backup data"',
    'read -p "Continue? (y/N): " -n 1 -r',
    "if [[ ! $REPLY =~ ^[Yy]$ ]]; then",
    '    echo "Restore cancelled"',
    "    exit 1",
    "fi",
)
_DROP = 'docker compose exec postgres psql -U postgres -c "DROP DATABASE IF EXISTS app;"'
_LOAD = 'docker compose exec -T postgres psql -U app app < "$DIR/database.sql"'


def _restore(path: str, *lines: str) -> list[int | None]:
    return codes_at({path: "#!/bin/bash\n" + "\n".join(lines) + "\n"}, DELETE)


def test_c_a_confirmed_restore_drops_what_it_loads_next() -> None:
    assert _restore("scripts/restore.sh", *_ASKED, _DROP, _LOAD) == []
    assert _restore("scripts/rollback.sh", *_ASKED, "rm -rf /var/lib/app/data", "tar xzf backup.tgz -C /") == []


def test_c_a_named_answer_is_a_confirmation_too() -> None:
    asked = ('read -r -p "Type yes to restore: " answer', 'if [ "$answer" != "yes" ]; then', "  exit 0", "fi")
    assert _restore("restore-database.sh", *asked, _DROP, _LOAD) == []


def test_c_a_restore_without_a_question_is_still_reported() -> None:
    # holdout185's Nextcloud restore deletes the live data unasked
    assert _restore("scripts/restore.sh", _DROP, _LOAD) == [2]


def test_c_a_question_whose_no_does_not_stop_is_no_confirmation() -> None:
    asked = ('read -p "Show the backup info? (y/N): " -n 1 -r', "if [[ $REPLY =~ ^[Yy]$ ]]; then", "  cat info", "fi")
    assert _restore("scripts/restore.sh", *asked, _DROP, _LOAD) == [6]


def test_c_a_confirmed_drop_outside_a_restore_is_still_reported() -> None:
    assert _restore("scripts/upgrade.sh", *_ASKED, _DROP, _LOAD) == [8]


def test_c_a_volume_prune_in_a_confirmed_restore_is_still_reported() -> None:
    # the prune reaches every unused volume, other stacks' too: not what the restore replaces
    assert _restore("scripts/restore.sh", *_ASKED, "docker volume prune -f", _LOAD) == [8]


def test_c_a_drop_before_the_question_is_still_reported() -> None:
    assert _restore("scripts/restore.sh", _DROP, *_ASKED, _LOAD) == [2]


def test_c_restore_names() -> None:
    assert restore_script("scripts/restore.sh") and restore_script("NextcloudRestore.sh")
    assert restore_script("restore-database.sh") and restore_script("scripts/rollback.sh")
    assert restore_script("utils/backup/fo-restore") and restore_script("iotstack_restore_postgres")
    assert not restore_script("scripts/upgrade.sh") and not restore_script("restorecon-all.sh")
    assert not restore_script("backup.sh")
