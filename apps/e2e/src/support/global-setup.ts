import { browserUnavailable } from './browser';
import { demoAccounts, type RunningProduct, startProduct } from './server';

declare global {
  var __VIGIE_PRODUCT__: RunningProduct | undefined;
}

export default async function globalSetup(): Promise<void> {
  const reason = browserUnavailable();
  if (reason) {
    if (process.env.E2E_REQUIRED === '1') throw new Error(`E2E_REQUIRED=1 but the browser tests cannot run: ${reason}`);
    return; // each suite reports its own skip, loudly
  }
  const product = await startProduct();
  globalThis.__VIGIE_PRODUCT__ = product;
  process.env.VIGIE_E2E_BASE_URL = product.baseUrl;
  process.env.VIGIE_E2E_DEMO_ACCOUNTS = JSON.stringify(demoAccounts(product));
  // Where the product keeps its intake secret: journeys sign reports as the platform does.
  process.env.VIGIE_E2E_DATA_DIR = product.dataDir;
  process.env.VIGIE_E2E_DATABASE_URL = product.databaseUrl;
}
