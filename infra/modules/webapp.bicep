// The Linux App Service plan and web app on Node 24: Always On, HTTPS only,
// TLS 1.2+, FTP and basic publishing credentials off, running as the
// managed identity. Its app settings are the keys infra/config.ts reads
// (test/bicep checks them) plus the few App Service itself reads.
// https://learn.microsoft.com/azure/templates/microsoft.web/sites?pivots=deployment-language-bicep
param baseName string
param location string
param tags object
param sku string
param identityId string
param identityClientId string
param cosmosEndpoint string
param cosmosDatabase string
param graphOrganizer string
param authorityFile string
param vaultName string
param clientStateEntry string
param appInsightsName string
param logAnalyticsId string

var siteName = '${baseName}-app'
// The default host name; the site cannot read its own while it is being defined.
var hostName = '${siteName}.azurewebsites.net'

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      healthCheckPath: '/api/health'
      appCommandLine: 'node dist/app/main.js'
      appSettings: [
        // Read by infra/config.ts.
        { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabase }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'MicrosoftAppId', value: identityClientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'GRAPH_TENANT_ID', value: tenant().tenantId }
        { name: 'GRAPH_CLIENT_ID', value: identityClientId }
        { name: 'GRAPH_MANAGED_IDENTITY', value: 'true' }
        { name: 'GRAPH_ORGANIZER', value: graphOrganizer }
        { name: 'GRAPH_NOTIFICATION_URL', value: 'https://${hostName}/api/graph/notifications' }
        { name: 'GRAPH_CLIENT_STATE', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${clientStateEntry})' }
        { name: 'AUTHORITY_FILE', value: authorityFile }
        { name: 'LOG_LEVEL', value: 'info' }
        // Read by App Service: Oryx builds the zip on Linux (npm ci and
        // npm run build, native modules for Node 24), and the Node agent
        // sends telemetry to Application Insights.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
      ]
    }
  }
}

// No FTP or Kudu basic-auth publishing: deployments sign in with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Console output (pino's JSON lines, ids only) and HTTP logs to Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

output id string = site.id
output hostName string = site.properties.defaultHostName
