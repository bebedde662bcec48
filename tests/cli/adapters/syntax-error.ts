export default { name: 'broken', transport: 'intercept', getStatus( {
