# Sourced by the script DocsExamplesIT writes from the commands of one Markdown file, each between __begin and __end:
# the first command that fails ends the script, since later ones use what earlier ones made (shell variables, files).
set -o pipefail

__begin() { # the command's line in the Markdown file, and the status its comment names (or nothing)
  __line=$1 __expect=$2
  echo "@@command $1"
}

__end() {
  if (($1 != 0)); then
    echo "@@failed $__line: exit status $1"
    exit 1
  fi
}

# curl as the examples call it, but reporting each request's status on stderr ("@@curl line status", read by the
# test, which so knows that every curl command ran) and failing when the status is not the expected one: the
# comment's, else any 2xx. A -w of the example keeps its output on stdout after the status.
curl() {
  local args=() format='' stderr rc status
  while (($#)); do
    case $1 in
      -w | --write-out) format=$2; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  stderr=$(mktemp)
  command curl -sS --max-time 60 "${args[@]}" --write-out "%{stderr}@@status %{http_code}\n%{stdout}$format" \
    2>"$stderr"
  rc=$?
  status=$(sed -n 's/^@@status //p' "$stderr")
  grep -v '^@@status ' "$stderr" >&2
  rm -f "$stderr"
  echo "@@curl $__line $status" >&2
  if ((rc != 0)); then
    echo "curl: exit code $rc" >&2
    return "$rc"
  elif [[ -n $__expect && $status != "$__expect" ]]; then
    echo "curl: HTTP status $status, expected $__expect" >&2
    return 1
  elif [[ -z $__expect && $status != 2?? ]]; then
    echo "curl: HTTP status $status, expected 2xx (or a status comment: '# 404')" >&2
    return 1
  fi
}
