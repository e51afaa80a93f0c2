# mentord's next card in the zsh prompt, read from the daemon's status file with builtins only:
# no process is started per prompt. Source it from ~/.zshrc (after setting PROMPT).
# The file holds "DUE-EPOCH-SECONDS HEADLINE"; it is absent when no card is planned or no daemon runs.
zmodload zsh/datetime # $EPOCHSECONDS: a module loaded once, not a process
__mentord_prompt() {
    __mentord_ps1=
    local file due headline minutes left=
    if [[ -n $MENTORD_SOCKET ]]; then file=${MENTORD_SOCKET%/*}/next
    elif [[ -n $XDG_RUNTIME_DIR ]]; then file=$XDG_RUNTIME_DIR/mentord/next
    else file=/tmp/mentord-$UID/next; fi
    { read -r due headline <"$file" } 2>/dev/null || return 0
    # Only a card due within the next 24 hours; a past one means the daemon is not running.
    [[ $due == <-> ]] && ((due >= EPOCHSECONDS && due - EPOCHSECONDS <= 86400)) || return 0
    minutes=$(((due - EPOCHSECONDS) / 60))
    ((minutes >= 1440)) && left+="$((minutes / 1440))d "
    ((minutes % 1440 >= 60)) && left+="$((minutes % 1440 / 60))h "
    ((minutes % 60)) && left+="$((minutes % 60))m "
    if [[ -n $left ]]; then left="in ${left% }"; else left="in under a minute"; fi
    # %% so that a % in a title is not a prompt escape.
    __mentord_ps1="[${headline//\%/%%} $left] "
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __mentord_prompt
setopt PROMPT_SUBST
PROMPT='${__mentord_ps1}'$PROMPT
