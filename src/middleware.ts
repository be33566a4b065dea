import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { env } = await import('cloudflare:workers');
  console.log(Object.keys(env as object).length);
  return next();
});
