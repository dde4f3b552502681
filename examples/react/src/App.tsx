import { lazy, Suspense, useState } from 'react';
import { localise } from '@mendunia/core';
import type { MenduniaAddToCartEvent } from '@mendunia/elements';
import {
  MenduniaCart,
  MenduniaCartButton,
  MenduniaCurrencySelector,
  MenduniaLocaleSelector,
  MenduniaPrice,
  MenduniaProductCard,
  MenduniaStore,
  useStorefrontStore,
} from '@mendunia/react';
import { storefront } from '../../shared/demo-storefront';

// The checkout is the largest element: its code loads when a buyer first checks out.
const MenduniaCheckout = lazy(() => import('@mendunia/react/checkout'));

export function App() {
  const catalog = useStorefrontStore(storefront.$catalog);
  const locale = useStorefrontStore(storefront.$locale);
  const [lastAdded, setLastAdded] = useState<string>();
  const [checkingOut, setCheckingOut] = useState(false);

  const onAddToCart = (event: MenduniaAddToCartEvent) => {
    const { productId, quantity } = event.detail;
    const product = catalog.status === 'ready' ? catalog.catalog.products.find((p) => p.id === productId) : undefined;
    setLastAdded(`${quantity} × ${product ? localise(product.name, locale) : productId}`);
  };

  return (
    <MenduniaStore storefront={storefront} onAddToCart={onAddToCart} onCheckoutStart={() => setCheckingOut(true)}>
      <header className="site-header">
        <a className="brand" href="./">
          <img src="images/logo.svg" alt="" width="40" height="40" />
          Rumah Nusantara
        </a>
        <div className="shop-controls">
          <MenduniaLocaleSelector />
          <MenduniaCurrencySelector hideNote />
          <MenduniaCartButton />
        </div>
      </header>

      <main>
        <h1>Handmade in Indonesia, delivered to your door</h1>
        <p>
          A React app: the cards, cart and checkout are Mendunia elements, this page is React. Parcels ship
          worldwide from <MenduniaPrice amount="185000" />.
        </p>
        <p className="status-line" role="status" data-testid="last-added">
          {lastAdded && `Last added: ${lastAdded}`}
        </p>

        {catalog.status === 'ready' ? (
          <div className="product-grid">
            {catalog.catalog.products.map((product) => (
              <MenduniaProductCard key={product.id} productId={product.id} />
            ))}
          </div>
        ) : catalog.status === 'error' ? (
          <p role="alert">The products could not be loaded.</p>
        ) : (
          <p role="status">Loading products…</p>
        )}
      </main>

      <MenduniaCart />
      {checkingOut && (
        <Suspense fallback={<p role="status">Loading the checkout…</p>}>
          <MenduniaCheckout />
        </Suspense>
      )}
    </MenduniaStore>
  );
}
