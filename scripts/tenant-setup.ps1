<#
.SYNOPSIS
  Sets up a council's Microsoft 365 tenant for Convene: exactly the Graph
  application permissions in graph/permissions.ts, mailbox access scoped with
  Exchange RBAC for Applications to the mailboxes Convene uses, the Teams
  application access policy for the organiser, the case API's app role and a
  Teams app setup policy that installs Convene for the staff groups.

.DESCRIPTION
  Idempotent: each step looks first and changes only what is missing, so it
  can be run again after a change of rooms or groups. -WhatIf shows every
  change without making it. Needs the Microsoft.Graph (Applications),
  ExchangeOnlineManagement and MicrosoftTeams modules, and an administrator
  holding Privileged Role Administrator (app role grants), Exchange
  Administrator (Organization Management) and Teams Administrator.

  The permission set below is checked, as text, against graph/permissions.ts
  by test/tenant/tenant-setup.test.ts: change the table first, then this list.

  Not run in Convene's repository (no PowerShell there): see docs/deploy.md.

.PARAMETER AppId
  The application (client) id Convene signs in to Graph as (GRAPH_CLIENT_ID;
  for a managed identity, its client id).

.PARAMETER AuthorityFile
  The council's authority file (AUTHORITY_FILE): `organizer`, `rooms[].email`
  and, when staff come from Entra ID, `staffGroups` are read from it.

.PARAMETER TeamsAppId
  The Teams app's id in the organisation's app catalog (the manifest `id`).

.PARAMETER CaseApiAppId
  The app registration that exposes the case API (default: AppId).

.PARAMETER CaseClientAppId
  The case-management system's app (client) id, given the Cases.ReadWrite role.

.PARAMETER StaffGroupIds
  Entra group object ids to install Convene for (default: the authority
  file's staffGroups).

.EXAMPLE
  ./scripts/tenant-setup.ps1 -AppId 00000000-0000-0000-0000-000000000000 `
    -AuthorityFile ./authority.json -TeamsAppId 11111111-1111-1111-1111-111111111111 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][Guid] $AppId,
  [Parameter(Mandatory = $true)][string] $AuthorityFile,
  [Parameter(Mandatory = $true)][Guid] $TeamsAppId,
  [Guid] $CaseApiAppId = $AppId,
  [Guid] $CaseClientAppId,
  [string[]] $StaffGroupIds
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# BEGIN PERMISSIONS: graph/permissions.ts (CONVENE_APPLICATION_PERMISSIONS)
# Granted in Entra ID (they show in the token's roles claim).
$EntraPermissions = @(
  'OnlineMeetings.ReadWrite.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'Place.Read.All'
)
# Granted in Exchange Online, scoped to the organiser and the rooms
# (EXCHANGE_SCOPED_PERMISSIONS): RBAC for Applications grants are independent
# of Entra ID grants, so these must NOT also be granted in Entra ID.
$ExchangeRoles = [ordered]@{
  'Calendars.ReadWrite' = 'Application Calendars.ReadWrite'
  'Mail.Send'           = 'Application Mail.Send'
  'Mail.Read'           = 'Application Mail.Read'
}
# END PERMISSIONS

$GraphResourceAppId = '00000003-0000-0000-c000-000000000000' # Microsoft Graph
$Prefix = 'Convene'

function Step([string] $Message) { Write-Host "== $Message" }

# --- The authority file: the mailboxes and groups Convene uses ---------------
$authority = Get-Content -Raw -Path $AuthorityFile | ConvertFrom-Json
$organizer = [string] $authority.organizer
if (-not $organizer) { throw "$AuthorityFile names no organizer" }
$rooms = @()
if ($authority.PSObject.Properties.Name -contains 'rooms') { $rooms = @($authority.rooms | ForEach-Object { [string] $_.email }) }
$mailboxes = @($organizer) + $rooms | Select-Object -Unique
if (-not $StaffGroupIds -and $authority.PSObject.Properties.Name -contains 'staffGroups') {
  $StaffGroupIds = @($authority.staffGroups.PSObject.Properties | ForEach-Object { [string] $_.Value } | Select-Object -Unique)
}

# --- 1. Microsoft Graph application permissions (Entra ID) -------------------
Step 'Microsoft Graph application permissions'
Connect-MgGraph -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All' -NoWelcome
$sp = Get-MgServicePrincipal -Filter "appId eq '$AppId'"
if (-not $sp) { throw "No service principal for app $AppId in this tenant: create the app registration (or managed identity) first" }
$graphSp = Get-MgServicePrincipal -Filter "appId eq '$GraphResourceAppId'"
$held = @(Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -All |
    Where-Object { $_.ResourceId -eq $graphSp.Id } | ForEach-Object { $_.AppRoleId })

foreach ($permission in $EntraPermissions) {
  $role = $graphSp.AppRoles | Where-Object { $_.Value -eq $permission -and $_.AllowedMemberTypes -contains 'Application' }
  if (-not $role) { throw "Microsoft Graph has no application permission $permission" }
  if ($held -contains $role.Id) { Write-Host "  $permission already granted"; continue }
  if ($PSCmdlet.ShouldProcess($sp.DisplayName, "grant Microsoft Graph $permission")) {
    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id `
      -ResourceId $graphSp.Id -AppRoleId $role.Id | Out-Null
  }
}
# Anything else granted on Graph is more than Convene needs: report it, and
# take back the mailbox permissions that Exchange scopes instead.
foreach ($assignment in Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -All |
    Where-Object { $_.ResourceId -eq $graphSp.Id }) {
  $value = ($graphSp.AppRoles | Where-Object { $_.Id -eq $assignment.AppRoleId }).Value
  if ($EntraPermissions -contains $value) { continue }
  if ($ExchangeRoles.Contains($value)) {
    if ($PSCmdlet.ShouldProcess($sp.DisplayName, "remove the unscoped Entra ID grant of $value (Exchange RBAC scopes it)")) {
      Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -AppRoleAssignmentId $assignment.Id
    }
  } else {
    Write-Warning "$value is granted but Convene does not need it: remove it unless something else uses this app"
  }
}

# --- 2. The case API's app role ---------------------------------------------
Step 'The case API app role Cases.ReadWrite'
$caseApi = Get-MgApplication -Filter "appId eq '$CaseApiAppId'"
if (-not $caseApi) { throw "No app registration $CaseApiAppId for the case API" }
$caseRole = $caseApi.AppRoles | Where-Object { $_.Value -eq 'Cases.ReadWrite' }
$newRole = @{
  Id                 = [Guid]::NewGuid()
  AllowedMemberTypes = @('Application')
  Value              = 'Cases.ReadWrite'
  DisplayName        = 'Read and write cases in Convene'
  Description        = 'Lets the case-management system send cases to Convene and read their conference dates.'
  IsEnabled          = $true
}
if ($caseRole) {
  Write-Host '  Cases.ReadWrite already defined'
} elseif ($PSCmdlet.ShouldProcess($caseApi.DisplayName, 'add the app role Cases.ReadWrite')) {
  Update-MgApplication -ApplicationId $caseApi.Id -AppRoles (@($caseApi.AppRoles) + $newRole)
  $caseRole = $newRole
}
if ($CaseClientAppId) {
  $client = Get-MgServicePrincipal -Filter "appId eq '$CaseClientAppId'"
  $apiSp = Get-MgServicePrincipal -Filter "appId eq '$CaseApiAppId'"
  $has = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $client.Id -All |
    Where-Object { $_.ResourceId -eq $apiSp.Id -and $_.AppRoleId -eq $caseRole.Id }
  if (-not $has -and $PSCmdlet.ShouldProcess($client.DisplayName, 'grant Cases.ReadWrite on the case API')) {
    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $client.Id -PrincipalId $client.Id `
      -ResourceId $apiSp.Id -AppRoleId $caseRole.Id | Out-Null
  }
}

# --- 3. Exchange RBAC for Applications, scoped to Convene's mailboxes -------
# https://learn.microsoft.com/en-us/graph/auth-limit-mailbox-access
Step "Exchange RBAC for Applications on $($mailboxes -join ', ')"
Connect-ExchangeOnline -ShowBanner:$false
$exoSp = Get-ServicePrincipal -Identity $sp.Id -ErrorAction SilentlyContinue
if (-not $exoSp -and $PSCmdlet.ShouldProcess($sp.DisplayName, 'create the Exchange Online pointer to the service principal')) {
  $exoSp = New-ServicePrincipal -AppId $AppId -ObjectId $sp.Id -DisplayName "$Prefix ($AppId)"
}
$scopeName = "$Prefix mailboxes"
$filter = ($mailboxes | ForEach-Object { "PrimarySmtpAddress -eq '$_'" }) -join ' -or '
$scope = Get-ManagementScope -Identity $scopeName -ErrorAction SilentlyContinue
if (-not $scope) {
  if ($PSCmdlet.ShouldProcess($scopeName, "create the management scope ($filter)")) {
    New-ManagementScope -Name $scopeName -RecipientRestrictionFilter $filter | Out-Null
  }
} elseif ($scope.RecipientFilter -ne $filter -and $PSCmdlet.ShouldProcess($scopeName, "set the scope to $filter")) {
  Set-ManagementScope -Identity $scopeName -RecipientRestrictionFilter $filter
}
foreach ($permission in $ExchangeRoles.Keys) {
  $role = $ExchangeRoles[$permission]
  $name = "$Prefix $permission"
  if (Get-ManagementRoleAssignment -Identity $name -ErrorAction SilentlyContinue) { Write-Host "  $role already assigned"; continue }
  if ($PSCmdlet.ShouldProcess($name, "assign $role scoped to $scopeName")) {
    New-ManagementRoleAssignment -Name $name -App $sp.Id -Role $role -CustomResourceScope $scopeName | Out-Null
  }
}

# --- 4. Teams: application access policy and app setup policy --------------
# https://learn.microsoft.com/en-us/graph/cloud-communication-online-meeting-application-access-policy
Step 'Teams application access policy for the organiser'
Connect-MicrosoftTeams | Out-Null
$policyName = "$Prefix-OnlineMeetings"
$policy = Get-CsApplicationAccessPolicy -Identity $policyName -ErrorAction SilentlyContinue
if (-not $policy) {
  if ($PSCmdlet.ShouldProcess($policyName, "create the application access policy for app $AppId")) {
    New-CsApplicationAccessPolicy -Identity $policyName -AppIds "$AppId" -Description 'Convene creates and locks conference meetings for the organiser' | Out-Null
  }
} elseif ($policy.AppIds -notcontains "$AppId" -and $PSCmdlet.ShouldProcess($policyName, "add app $AppId")) {
  Set-CsApplicationAccessPolicy -Identity $policyName -AppIds @{ Add = "$AppId" }
}
if ($PSCmdlet.ShouldProcess($organizer, "grant $policyName")) {
  Grant-CsApplicationAccessPolicy -PolicyName $policyName -Identity $organizer
}

Step 'Teams app setup policy installing Convene for the staff groups'
$setupName = "$Prefix staff"
if (-not (Get-CsTeamsAppSetupPolicy -Identity $setupName -ErrorAction SilentlyContinue)) {
  if ($PSCmdlet.ShouldProcess($setupName, "create the app setup policy installing $TeamsAppId")) {
    $preset = New-Object Microsoft.Teams.Policy.Administration.Cmdlets.Core.AppPreset -ArgumentList "$TeamsAppId"
    New-CsTeamsAppSetupPolicy -Identity $setupName -AppPresetList @($preset) | Out-Null
  }
}
if (-not $StaffGroupIds) { Write-Warning 'No staff groups: pass -StaffGroupIds or add staffGroups to the authority file' }
$assigned = @(Get-CsGroupPolicyAssignment -PolicyType TeamsAppSetupPolicy -ErrorAction SilentlyContinue | ForEach-Object { $_.GroupId })
$rank = 1
foreach ($group in $StaffGroupIds) {
  if ($assigned -contains $group) { Write-Host "  group $group already has a setup policy"; $rank++; continue }
  if ($PSCmdlet.ShouldProcess("group $group", "assign $setupName (rank $rank)")) {
    Grant-CsTeamsAppSetupPolicy -Group $group -PolicyName $setupName -Rank $rank
  }
  $rank++
}

Step 'Done. Check it with: npx convene doctor'
