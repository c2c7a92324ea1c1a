import { stopProduct } from './server';

export default async function globalTeardown(): Promise<void> {
  const product = globalThis.__VIGIE_PRODUCT__;
  if (product) await stopProduct(product);
}
