// The provider stack: data cache, language and antd theme, then the router.
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './server-api/query-client.js';
import { LocaleProvider } from './i18n/locale-provider.js';
import { router } from './routing/router.js';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
