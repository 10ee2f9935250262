#!/usr/bin/env bash
# ClearSilver never escapes alt:, uvar:, lvar: or evar: output; templates must not use them
# (escaping is on for var: through Config.VarEscapeMode).  Raw markup is built in C only.
set -euo pipefail
cd "$(dirname "$0")/../.."
if hits=$(grep -rnE '<\?cs *(alt|uvar|lvar|evar) *:' templates); then
	echo "unescaped ClearSilver output in templates:" >&2
	echo "$hits" >&2
	exit 1
fi
# Inline script or style would break the Content-Security-Policy.  Template tags are taken
# out first, so <script src="...?v=<?cs var:X ?>"> reads as the external script it is.
hits=$(find templates -name '*.cs' ! -path 'templates/mail/*' ! -path 'templates/layout/mail.cs' |
	sort | while read -r f; do
		sed -E 's/<\?cs([^?]|\?[^>])*\?>//g' "$f" |
			{ grep -nE '<script[^>]*>[^<]|<style|style="| on[a-z]+="' || true; } | sed "s|^|$f:|"
	done)
if [ -n "$hits" ]; then
	echo "inline script/style/handlers in page templates (CSP forbids them):" >&2
	echo "$hits" >&2
	exit 1
fi
