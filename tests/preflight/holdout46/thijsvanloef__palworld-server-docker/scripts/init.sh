#!/bin/bash
# shellcheck source=scripts/helper_functions.sh
source "/home/steam/server/helper_functions.sh"

# shellcheck source=scripts/negative_delta_recovery.sh
source "/home/steam/server/negative_delta_recovery.sh"

if ! ValidateNegativeDeltaRecoverySetting; then
    LogError "PALWORLD_ALLOW_NEGATIVE_DELTA_TIME must be true or false."
    exit 1
fi

# Remove old FIFO
rm -f "${PalServerLog_fifo}"

if [ "${LOG_FILTER_ENABLED,,}" = true ]; then
    # Recreate FIFO at every boot to avoid stale descriptors and permission drift.
    if ! mkfifo -m 600 "${PalServerLog_fifo}"; then
        echo "ERROR: Failed to create log FIFO: ${PalServerLog_fifo}" >&2
        exit 1
    fi

    # Keep FIFO owned by steam so child processes can always write.
    if [[ "$(id -u)" -eq 0 ]]; then
        if ! chown steam:steam "${PalServerLog_fifo}"; then
            echo "ERROR: Failed to set log FIFO owner to steam:steam" >&2
            exit 1
        fi
    fi

    exec > >(python3 /home/steam/server/pal_logger.py) 2>&1
fi

mkdir -p /palworld/backups

if [[ "$(id -u)" -eq 0 ]] && [[ "$(id -g)" -eq 0 ]]; then
    if [[ "${PUID}" -ne 0 ]] && [[ "${PGID}" -ne 0 ]]; then
        LogAction "EXECUTING USERMOD"
        usermod -o -u "${PUID}" steam
        groupmod -o -g "${PGID}" steam
        chown -R steam:steam /palworld /home/steam/
        # NOTE: The recursive chown above covers ${PalServerLog_fifo} under /home/steam,
        # so an explicit second chown/chmod for the FIFO is not required.
    else
        LogError "Running as root is not supported, please fix your PUID and PGID!"
        exit 1
    fi
elif [[ "$(id -u)" -eq 0 ]] || [[ "$(id -g)" -eq 0 ]]; then
   LogError "Running as root is not supported, please fix your user!"
   exit 1
fi

if ! [ -w "/palworld" ]; then
    LogError "/palworld is not writable."
    exit 1
fi

# shellcheck source=scripts/autopause/init.sh
source "/home/steam/server/autopause/init.sh"

# shellcheck disable=SC2317
term_handler() {
    autopause stop "term_handler"

  DiscordMessage "Shutdown" "${DISCORD_PRE_SHUTDOWN_MESSAGE}" "in-progress" "${DISCORD_PRE_SHUTDOWN_MESSAGE_ENABLED}" "${DISCORD_PRE_SHUTDOWN_MESSAGE_URL}"

    if ! shutdown_server; then
        # Does not save
        kill -SIGTERM "$(pidof PalServer-Linux-Shipping)"
    fi

    tail --pid="$killpid" -f 2>/dev/null
}

trap 'term_handler' SIGTERM

fork_as_user ./start.sh

# Process ID of start.sh
killpid="$!"
wait "$killpid"

mapfile -t backup_pids < <(pgrep backup)
if [ "${#backup_pids[@]}" -ne 0 ]; then
    LogInfo "Waiting for backup to finish"
    for pid in "${backup_pids[@]}"; do
        tail --pid="$pid" -f 2>/dev/null
    done
fi

mapfile -t restore_pids < <(pgrep restore)
if [ "${#restore_pids[@]}" -ne 0 ]; then
    LogInfo "Waiting for restore to finish"
    for pid in "${restore_pids[@]}"; do
        tail --pid="$pid" -f 2>/dev/null
    done
fi
