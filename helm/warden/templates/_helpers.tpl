{{/* The release's name for every object, at most 63 characters (a DNS label). */}}
{{- define "warden.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The labels that select Warden's pods: stable across upgrades. */}}
{{- define "warden.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "warden.labels" -}}
{{ include "warden.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The image: a digest, when given, wins over the tag, so a deployment runs exactly the bits that were tested. */}}
{{- define "warden.image" -}}
{{- $image := .Values.image -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $image.repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{/*
Warden's settings as application.properties lines: nested maps become dotted keys, lists comma-separated values.
Arguments: prefix (the key so far) and values (a map).
*/}}
{{- define "warden.properties" -}}
{{- $prefix := .prefix -}}
{{- range $key, $value := .values }}
{{- $name := printf "%s.%s" $prefix $key }}
{{- if kindIs "map" $value }}
{{- include "warden.properties" (dict "prefix" $name "values" $value) }}
{{- else if kindIs "slice" $value }}
{{ $name }}={{ join "," $value }}
{{- else }}
{{ $name }}={{ $value }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Seconds as a duration Quarkus reads. */}}
{{- define "warden.seconds" -}}
{{- printf "%ds" (int .) -}}
{{- end -}}

{{/*
The pod's grace period: the preStop sleep, then Quarkus drains requests in flight (quarkus.shutdown.timeout), then
the outbox worker lets its attempts finish (warden.outbox.shutdown-grace) and releases its leases, which Warden allows
10 s more; plus a margin for the JVM to exit. Kubernetes sends SIGKILL when it runs out.
*/}}
{{- define "warden.terminationGracePeriodSeconds" -}}
{{- $s := .Values.shutdown -}}
{{- add $s.preStopSleepSeconds $s.drainSeconds $s.outboxGraceSeconds 10 $s.marginSeconds -}}
{{- end -}}

{{/* /deployments/config/application.properties: the operator's settings and the chart's own. */}}
{{- define "warden.settings" -}}
# Rendered by the warden Helm chart from its values; credentials are expressions resolved from Secrets.
warden.database.timeout={{ .Values.database.timeout }}
quarkus.shutdown.timeout={{ include "warden.seconds" .Values.shutdown.drainSeconds }}
warden.outbox.shutdown-grace={{ include "warden.seconds" .Values.shutdown.outboxGraceSeconds }}
{{- include "warden.properties" (dict "prefix" "warden.providers" "values" .Values.config.providers) }}
{{- include "warden.properties" (dict "prefix" "warden.policies" "values" .Values.config.policies) }}
{{- include "warden.properties" (dict "prefix" "warden.clients" "values" .Values.config.clients) }}
{{- include "warden.properties" (dict "prefix" "warden.partners" "values" .Values.config.partners) }}
{{- range $key, $value := .Values.config.extra }}
{{ $key }}={{ if kindIs "slice" $value }}{{ join "," $value }}{{ else }}{{ $value }}{{ end }}
{{- end }}
{{- end -}}
