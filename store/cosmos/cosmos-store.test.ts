import type { Server } from "node:http";
import { CosmosClient } from "@azure/cosmos";
import { storeContract } from "../../test/store-contract";
import { startCosmosServer, stopCosmosServer } from "../../test/cosmos-server";
import { CosmosStore } from "./cosmos-store";

let server: Server;
let endpoint: string;
const key = "dGVzdC1rZXk=";

beforeAll(async () => {
  ({ server, endpoint } = await startCosmosServer());
});
afterAll(async () => {
  await stopCosmosServer(server);
});

let n = 0;
storeContract("cosmos", {
  async open() {
    n += 1;
    const databaseId = `contract-${n}`;
    const store = await CosmosStore.open({ endpoint, key, databaseId });
    return {
      store,
      async insertRaw(container, raw, readyAt) {
        // A separate raw client: the SDK writes whatever it is given.
        const client = new CosmosClient({
          endpoint,
          key,
          connectionPolicy: { enableEndpointDiscovery: false },
        });
        try {
          await client
            .database(databaseId)
            .container(container)
            .items.create({ ...raw, ...(readyAt !== undefined ? { readyAt } : {}) });
        } finally {
          client.dispose();
        }
      },
    };
  },
});
