# jcoder agent bootstrap (windows/{{ARCH}}): the coder_agent init_script. It downloads the agent from
# the server and runs it with the token in $env:CODER_AGENT_TOKEN.
$ErrorActionPreference = "Stop"
$ProgressPreference = "SilentlyContinue"
$BinaryDir = if ($env:BINARY_DIR) { $env:BINARY_DIR } else { Join-Path $env:TEMP "jcoder" }
$BinaryPath = Join-Path $BinaryDir "coder.exe"
$BinaryUrl = "${ACCESS_URL}bin/coder-windows-{{ARCH}}.exe"
New-Item -ItemType Directory -Force -Path $BinaryDir | Out-Null
while ($true) {
    try {
        Write-Output "Downloading the jcoder agent from $BinaryUrl"
        Invoke-WebRequest -Uri $BinaryUrl -OutFile $BinaryPath
        break
    } catch {
        Write-Output "error: failed to download the agent: $_; trying again in 10 seconds"
        Start-Sleep -Seconds 10
    }
}
$env:CODER_AGENT_AUTH = "${AUTH_TYPE}"
$env:CODER_AGENT_URL = "${ACCESS_URL}"
Start-Process -FilePath $BinaryPath -ArgumentList "agent" -NoNewWindow -Wait
