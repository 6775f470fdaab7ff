// The Azure Bot: signs in as the user-assigned managed identity (no app
// password), Teams channel on, messages to the web app.
// https://learn.microsoft.com/azure/templates/microsoft.botservice/botservices?pivots=deployment-language-bicep
param name string
param tags object
param identityId string
param identityClientId string
param messagingEndpoint string

@description('F0 has no message limit on standard channels such as Teams.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'Convene'
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenant().tenantId
    // Direct Line and Web Chat secrets are not used: Teams only.
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
