#!/usr/bin/env bash
# Creates the stack of another environment (usually prod) from an existing one, or normalizes a stack that
# `pulumi new` wrote. See docs/getting-started.md.
#
#   scripts/new-stack.sh create --from <org>/dev --to <org>/prod --environment prod \
#       --secrets-provider 'awskms://alias/<service>-prod-pulumi?region=<region>' \
#       --set aws.accountId=123456789012 --set 'alerts.emails[0]=oncall@example.com' \
#       --secret SENTRY_DSN --secret upstash:apiKey
#
#   scripts/new-stack.sh normalize <org>/dev
#
# create: `pulumi stack init` with the new stack's OWN secrets provider; copies every non-secret setting of
#   the source leaf by leaf (`pulumi config set --path --type ...`, so an account id stays a string and 0.6
#   stays a number); asks for each --secret afresh and pipes it to `pulumi config set --secret` on stdin.
#   No ciphertext, key or secret value is copied between stacks, and no secret is ever put in argv.
#   Not copied: secrets, pulumi:* keys, service:environment (set from --environment), the per-stack
#   service:vercel.projectId, .secureComputeNetworkId and .peeringConnectionId, and every --skip PATH.
#   --set PATH=STRING and --set-json PATH=JSON add or override settings. A PATH without a namespace is below
#   service: (aws.accountId); --secret NAME means service:apiKeys.NAME, --secret ns:key that key.
#   The shared stack reads only the service's identity, AWS account, Vercel team, storage backend and cost
#   settings (index.ts sharedStack): only those are copied to it, and it takes no --secret.
#   Last, the offline check runs on the new stack (readiness/launch.js); if it refuses the stack, the stack is
#   removed again (`pulumi stack rm`) and create exits with the check's code, so it never ends with a stack
#   the check refuses.
# normalize: `pulumi new` saves each nested answer as one JSON string, and a later `pulumi config set --path`
#   on such a key would replace the whole string. normalize rewrites each such key as a YAML object, leaf
#   by leaf (secret keys stay secret; their values pass through stdin only).
set -euo pipefail

usage() {
    sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
die() {
    echo "new-stack: $*" >&2
    exit 2
}

command -v pulumi >/dev/null || die "the pulumi CLI is not on PATH (https://www.pulumi.com/docs/iac/download-install/)"
command -v node >/dev/null || die "node is not on PATH"
[ -f Pulumi.yaml ] || die "run from the project root (no Pulumi.yaml here)"

# `service:aws.accountId` stays as given; `aws.accountId` becomes `service:aws.accountId`.
full_key() {
    case "$1" in *:*) printf '%s' "$1" ;; *) printf 'service:%s' "$1" ;; esac
}

# Reads `pulumi config --json` on stdin and prints NUL-separated records `op key type value`, one per leaf,
# op being rm, set or set-secret and key a full path (service:aws.region). MODE=copy emits every non-secret
# leaf except pulumi:*, service:environment and the service paths in SKIP, and, when ONLY is set, only the
# service: keys it names (no other namespace); MODE=normalize emits, for each
# key stored as a JSON string, an rm record and then its leaves (secret ones as set-secret).
flatten() {
    # shellcheck disable=SC2016 # JavaScript, not shell: its template literals must reach node unexpanded.
    node -e '
const mode = process.env.MODE;
const skip = new Set((process.env.SKIP || "").split(" ").filter(Boolean));
const only = process.env.ONLY ? new Set(process.env.ONLY.split(" ").filter(Boolean).map((k) => `service:${k}`)) : undefined;
const entries = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = [];
const emit = (...fields) => out.push(fields.map((f) => f + "\0").join(""));
const segment = (k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
const typeOf = (v) => (typeof v === "boolean" ? "bool" : typeof v !== "number" ? "string" : Number.isInteger(v) ? "int" : "float");
function walk(key, value, op) {
    if (skip.has(key.replace(/^service:/, "").replace(/\[(\d+)\]/g, ".$1"))) return;
    if (Array.isArray(value)) return value.forEach((v, i) => walk(`${key}[${i}]`, v, op));
    if (value !== null && typeof value === "object") return Object.entries(value).forEach(([k, v]) => walk(key + segment(k), v, op));
    if (value !== null) emit(op, key, typeOf(value), String(value));
}
for (const [key, entry] of Object.entries(entries)) {
    if (key.startsWith("pulumi:") || key === "service:environment") continue;
    if (mode === "copy" && only && !only.has(key)) {
        process.stderr.write(`new-stack: not copying ${key}: the target environment does not read it\n`);
        continue;
    }
    let value = entry.objectValue;
    let jsonString = false;
    if (value === undefined && typeof entry.value === "string" && /^\s*[[{]/.test(entry.value)) {
        try {
            value = JSON.parse(entry.value);
            jsonString = true;
        } catch {
            value = undefined;
        }
    }
    if (mode === "normalize") {
        if (!jsonString) continue;
        emit("rm", key, "", "");
        walk(key, value, entry.secret ? "set-secret" : "set");
    } else if (entry.secret) {
        process.stderr.write(`new-stack: not copying secret ${key}: give the new stack its own with --secret\n`);
    } else {
        walk(key, value === undefined ? entry.value : value, "set");
    }
}
process.stdout.write(out.join(""));
'
}

# pulumi refuses to store a high-entropy plain value under a key that looks like a secret unless --plaintext
# is given, and --plaintext excludes --type; such values are strings anyway.
set_plain() {
    local stack=$1 key=$2 type=$3 value=$4
    if [[ "$type" == string && "$key" =~ [Pp]ass|[Pp]wd|[Ss]ecret|[Tt]oken ]]; then
        pulumi config set --stack "$stack" --path --plaintext "$key" -- "$value"
    else
        pulumi config set --stack "$stack" --path --type "$type" "$key" -- "$value"
    fi
    echo "  $key"
}

# Applies NUL-separated records from stdin to stack $1. Secret values go to pulumi on stdin (printf is a
# shell builtin, so they never appear in a process's arguments).
apply_records() {
    local stack=$1 op key type value
    while IFS= read -r -d '' op && IFS= read -r -d '' key && IFS= read -r -d '' type && IFS= read -r -d '' value; do
        case "$op" in
            rm) pulumi config rm --stack "$stack" "$key" ;;
            set) set_plain "$stack" "$key" "$type" "$value" ;;
            set-secret)
                printf '%s' "$value" | pulumi config set --stack "$stack" --secret --path "$key"
                echo "  $key (secret)"
                ;;
        esac
    done
}

read_secret() {
    local prompt=$1 value
    if [ -t 0 ]; then
        read -r -s -p "$prompt" value
        echo >&2
    else
        IFS= read -r value || true
    fi
    printf '%s' "$value"
}

cmd_normalize() {
    [ $# -eq 1 ] || usage
    echo "Rewriting the JSON answers of $1 as YAML objects:"
    pulumi config --stack "$1" --json --show-secrets | MODE=normalize flatten | apply_records "$1"
}

cmd_create() {
    local from="" to="" environment="" provider=""
    local skip="vercel.projectId vercel.secureComputeNetworkId vercel.peeringConnectionId"
    local -a sets=() set_jsons=() secrets=()
    while [ $# -gt 0 ]; do
        [ $# -ge 2 ] || [[ "$1" == -h || "$1" == --help ]] || die "$1 needs a value"
        case "$1" in
            --from) from=$2 ;;
            --to) to=$2 ;;
            --environment) environment=$2 ;;
            --secrets-provider) provider=$2 ;;
            --set) sets+=("$2") ;;
            --set-json) set_jsons+=("$2") ;;
            --skip) skip="$skip $2" ;;
            --secret) secrets+=("$2") ;;
            -h | --help) usage ;;
            *) die "unknown argument $1" ;;
        esac
        shift 2
    done
    if [ -z "$from" ] || [ -z "$to" ] || [ -z "$environment" ] || [ -z "$provider" ]; then
        die "create needs --from, --to, --environment and --secrets-provider"
    fi
    [ -f "policies/config/$environment.json" ] || die "no policies/config/$environment.json: is \"$environment\" a preset of config/presets.ts?"
    # What the shared stack's program reads (index.ts sharedStack, components/wiring.ts sharedSingletonsArgs and
    # costArgs, components/context.ts); every other environment reads every setting.
    local only=""
    if [ "$environment" = shared ]; then
        only="name owner reachability aws vercel storage cost"
        [ ${#secrets[@]} -eq 0 ] || die "--secret ${secrets[0]}: the shared stack reads no secret (it creates no Redis, Sentry project or app keys)"
    fi
    local short=${to##*/} f
    # A stack file already there belongs to a stack (or to a `pulumi stack init` that was not finished):
    # its settings are not this command's to merge into.
    # The one exception is the template's worked example that `pulumi new` copied (service:name acme-chat, as
    # config/example.ts names it) in a service, whose Pulumi.yaml has no `template:` section any more: it is no
    # stack of this service, and this command replaces it.
    for f in "Pulumi.$short.yaml" "Pulumi.$short.yml"; do
        [ -e "$f" ] || continue
        if grep -Eq '^[[:space:]]+service:name:[[:space:]]+"?acme-chat"?[[:space:]]*$' "$f" && ! grep -q '^template:' Pulumi.yaml; then
            echo "new-stack: $f is the template's worked example; replacing it with this service's $short stack" >&2
            rm -f "$f"
        else
            die "$f already exists: choose another stack name, or remove the file if no stack uses it"
        fi
    done
    local pair
    for pair in ${sets[@]+"${sets[@]}"} ${set_jsons[@]+"${set_jsons[@]}"}; do
        [[ "$pair" == ?*=* ]] || die "--set and --set-json expect PATH=VALUE, got $pair"
    done

    # Secrets first, so nothing prompts between the commands below; the values stay in this shell.
    local -a secret_keys=() secret_values=()
    local name value
    for name in ${secrets[@]+"${secrets[@]}"}; do
        local key=$name
        if [[ "$name" != *:* ]]; then
            [[ "$name" =~ ^[A-Z][A-Z0-9_]*$ ]] || die "--secret $name: expected an UPPER_SNAKE_CASE name or a full key such as upstash:apiKey"
            key="service:apiKeys.$name"
        fi
        value=$(read_secret "Value of $key for $to (input hidden): ")
        [ -n "$value" ] || die "no value given for $key"
        secret_keys+=("$key")
        secret_values+=("$value")
    done
    [ -t 0 ] || exec </dev/null

    # Read the source before `stack init`, which selects the new stack.
    records=$(mktemp)
    trap 'rm -f "$records"' EXIT
    pulumi config --stack "$from" --json | MODE=copy SKIP="$skip" ONLY="$only" flatten >"$records"

    pulumi stack init "$to" --secrets-provider "$provider"
    echo "Settings of $to:"
    pulumi config set --stack "$to" service:environment -- "$environment"
    echo "  service:environment"
    apply_records "$to" <"$records"
    for pair in ${sets[@]+"${sets[@]}"}; do
        set_plain "$to" "$(full_key "${pair%%=*}")" string "${pair#*=}"
    done
    local json type
    for pair in ${set_jsons[@]+"${set_jsons[@]}"}; do
        json=${pair#*=}
        type=$(node -e 'const v = JSON.parse(process.argv[1]); if (v === null || typeof v === "object") process.exit(1); process.stdout.write(typeof v === "boolean" ? "bool" : typeof v === "string" ? "string" : Number.isInteger(v) ? "int" : "float")' "$json") ||
            die "--set-json $pair: expected a JSON boolean, number or string"
        set_plain "$to" "$(full_key "${pair%%=*}")" "$type" "$(node -e 'process.stdout.write(String(JSON.parse(process.argv[1])))' "$json")"
    done
    local i
    for i in ${secret_keys[@]+"${!secret_keys[@]}"}; do
        printf '%s' "${secret_values[$i]}" | pulumi config set --stack "$to" --secret --path "${secret_keys[$i]}"
        echo "  ${secret_keys[$i]} (secret)"
    done

    # The check's own verdict on the stack as created: its config validation (exit 2) and its rules (exit 1).
    echo
    echo "Checking $to offline (npm run check -- --stack $short):"
    local status=0
    node readiness/launch.js --stack "$short" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "new-stack: the check refuses $to (exit $status, above); removing it again (pulumi stack rm $to)" >&2
        pulumi stack rm --yes "$to" >/dev/null
        rm -f "Pulumi.$short.yaml"
        echo "new-stack: $to not created: run create again with the settings the check names (--set, --set-json, --secret)" >&2
        exit "$status"
    fi

    cat <<EOF

Created $to. Next:
  npm run check -- --stack $short --strict-secrets
  npm run preview -- --stack $to      # pulumi preview with the pack and policies/config/$environment.json
EOF
}

records=""
[ $# -ge 1 ] || usage
sub=$1
shift
case "$sub" in
    create) cmd_create "$@" ;;
    normalize) cmd_normalize "$@" ;;
    -h | --help) usage ;;
    *) die "unknown command $sub (expected create or normalize)" ;;
esac
