// Logs and telemetry: one Log Analytics workspace, and Application Insights on it.
// https://learn.microsoft.com/azure/templates/microsoft.operationalinsights/workspaces?pivots=deployment-language-bicep
// https://learn.microsoft.com/azure/templates/microsoft.insights/components?pivots=deployment-language-bicep
param baseName string
param location string
param tags object

@description('Days the logs are kept (they carry ids only, never a child\'s name).')
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
  }
}

output logAnalyticsId string = workspace.id
// The name only: the web app reads the connection string itself (an
// `existing` reference), so no output carries it.
output appInsightsName string = insights.name
