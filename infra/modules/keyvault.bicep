// Key Vault with Azure RBAC (no access policies): the Graph notifications'
// client state now; a Graph certificate, if the council uses one, later
// (docs/deploy.md says what is not wired). Soft delete and purge protection on.
// https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults?pivots=deployment-language-bicep
param name string
param location string
param tags object

@description('The managed identity that reads the secrets (Key Vault Secrets User).')
param readerPrincipalId string

@description('The person or group who administers the secrets (Key Vault Secrets Officer).')
param adminObjectId string

@secure()
param graphClientState string

// Built-in role ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientState 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-client-state'
  properties: {
    value: graphClientState
  }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource adminRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, adminObjectId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: adminObjectId
  }
}

output name string = vault.name
output clientStateEntry string = clientState.name
