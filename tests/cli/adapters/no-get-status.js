export default { name: 'no-get-status', transport: 'intercept' };
