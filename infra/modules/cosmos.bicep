// Cosmos DB for NoSQL: local (key) auth disabled, continuous backup, the
// database and containers Convene's store declares (store/cosmos/containers.ts;
// test/bicep checks they are equal), and the data-plane role for the identity.
// https://learn.microsoft.com/azure/templates/microsoft.documentdb/databaseaccounts?pivots=deployment-language-bicep
// https://learn.microsoft.com/azure/templates/microsoft.documentdb/databaseaccounts/sqlroleassignments?pivots=deployment-language-bicep
param accountName string
param location string
param tags object

@description('The managed identity given the data-plane role (Cosmos DB Built-in Data Contributor).')
param principalId string

param databaseName string = 'convene'

// Opt-in indexing: only the paths the store's queries filter or sort on.
var containers = [
  {
    name: 'cases'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/type/?' }
        { path: '/caseId/?' }
        { path: '/start/?' }
        { path: '/status/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
      compositeIndexes: [
        [
          { path: '/type', order: 'ascending' }
          { path: '/start', order: 'ascending' }
        ]
      ]
    }
  }
  {
    name: 'tasks'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/readyAt/?' }
        { path: '/meetingId/?' }
        { path: '/status/?' }
        { path: '/taskType/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    name: 'notifications'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/status/?' }
        { path: '/createdAt/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    name: 'conversations'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    name: 'audit'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/at/?' }
        { path: '/action/?' }
        { path: '/seq/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
    }
    // One entry per place in a partition's hash chain; set only at creation.
    uniqueKeys: [
      { paths: [ '/seq' ] }
    ]
  }
  {
    name: 'keys'
    partitionKey: '/pk'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
]

// Cosmos DB Built-in Data Contributor (data plane only; it cannot create containers).
// https://learn.microsoft.com/azure/cosmos-db/nosql/security/reference-data-plane-roles
var dataContributorRole = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Entra ID only: no account key works, so none can leak.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
    capabilities: [
      { name: 'EnableServerless' }
    ]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for c in containers: {
  parent: database
  name: c.name
  properties: {
    resource: {
      id: c.name
      partitionKey: {
        paths: [c.partitionKey]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: c.indexingPolicy
      uniqueKeyPolicy: {
        uniqueKeys: contains(c, 'uniqueKeys') ? c.uniqueKeys : []
      }
    }
  }
}]

resource dataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributorRole)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRole}'
    principalId: principalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
