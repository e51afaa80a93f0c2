# mentord's next card in the bash prompt, read from the daemon's status file with builtins only:
# no process is started per prompt. Source it from ~/.bashrc (after setting PS1). bash 4.2 or later.
# The file holds "DUE-EPOCH-SECONDS HEADLINE"; it is absent when no card is planned or no daemon runs.
__mentord_prompt() {
    __mentord_ps1=
    local file due headline now minutes left=
    if [[ -n $MENTORD_SOCKET ]]; then file=${MENTORD_SOCKET%/*}/next
    elif [[ -n $XDG_RUNTIME_DIR ]]; then file=$XDG_RUNTIME_DIR/mentord/next
    else file=/tmp/mentord-$UID/next; fi
    { read -r due headline <"$file"; } 2>/dev/null || return 0
    printf -v now '%(%s)T' -1
    # Only a card due within the next 24 hours; a past one means the daemon is not running.
    [[ $due =~ ^[0-9]+$ ]] && ((due >= now && due - now <= 86400)) || return 0
    minutes=$(((due - now) / 60))
    ((minutes >= 1440)) && left+="$((minutes / 1440))d "
    ((minutes % 1440 >= 60)) && left+="$((minutes % 1440 / 60))h "
    ((minutes % 60)) && left+="$((minutes % 60))m "
    if [[ -n $left ]]; then left="in ${left% }"; else left="in under a minute"; fi
    __mentord_ps1="[$headline $left] "
}
PROMPT_COMMAND="__mentord_prompt${PROMPT_COMMAND:+; $PROMPT_COMMAND}"
PS1='${__mentord_ps1}'$PS1
