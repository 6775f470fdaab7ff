// Convene on Azure: what a council deploys into one resource group.
// Laid out as the Microsoft 365 Agents Toolkit lays out a Teams app
// (m365agents.yml runs it with azure.parameters.json); docs/deploy.md has the steps.
targetScope = 'resourceGroup'

@description('Lower-case letters and digits; names every resource (some names must be unique in Azure).')
@minLength(3)
@maxLength(18)
param resourceBaseName string

@description('Where everything runs. UK South by default: a council keeps children\'s data in the UK.')
@allowed([
  'uksouth'
  'ukwest'
])
param location string = 'uksouth'

@description('App Service plan size (Linux). B1 is the smallest that keeps Always On.')
param webAppSku string = 'B1'

@description('The mailbox that organises conferences and sends Convene\'s email (Exchange Online).')
param graphOrganizer string

@description('The council file (policy, mailboxes, staff) inside the deployed package.')
param authorityFile string = '/home/site/wwwroot/config/authority.json'

@description('The secret each Graph change notification carries back (32 to 128 characters); kept in Key Vault.')
@secure()
@minLength(32)
@maxLength(128)
param graphClientState string

@description('Object id of the person or group who may read and set Key Vault secrets (the deployment team).')
param keyVaultAdminObjectId string

var tags = {
  application: 'convene'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${resourceBaseName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${resourceBaseName}-cosmos'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: '${resourceBaseName}-kv'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    adminObjectId: keyVaultAdminObjectId
    graphClientState: graphClientState
  }
}

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    baseName: resourceBaseName
    location: location
    tags: tags
    sku: webAppSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    graphOrganizer: graphOrganizer
    authorityFile: authorityFile
    vaultName: vault.outputs.name
    clientStateEntry: vault.outputs.clientStateEntry
    appInsightsName: monitoring.outputs.appInsightsName
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: resourceBaseName
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    messagingEndpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

// The Agents Toolkit writes these to env/.env.<environment> (names in capitals).
output BOT_ID string = identity.outputs.clientId
output BOT_DOMAIN string = web.outputs.hostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.id
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_BOT_NAME string = bot.outputs.name
